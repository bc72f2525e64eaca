function multiply(x, y) {
    <CURSOR>
}

console.log(multiply(4, 5));
