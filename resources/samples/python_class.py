class User:
    def __init__(self, name):
        <CURSOR>

    def greet(self):
        return f"Hello, {self.name}"
