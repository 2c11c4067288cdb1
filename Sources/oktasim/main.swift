import OktaSim

print("oktasim")
