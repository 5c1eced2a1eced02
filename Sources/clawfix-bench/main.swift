print("clawfix-bench: not built yet")
