import Shell

print("oktabulk")
