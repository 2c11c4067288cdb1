import OktaSim
print("oktasim")
