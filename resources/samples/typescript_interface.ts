interface User {
    name: string;
}

function createUser(name: string): User {
    <CURSOR>
}

const user = createUser("Alice");
