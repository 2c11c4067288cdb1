import Shell
print("oktabulk")
