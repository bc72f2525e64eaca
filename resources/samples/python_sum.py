def calculate_sum(a, b):
    <CURSOR>

result = calculate_sum(5, 3)
print(result)
