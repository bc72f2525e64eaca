const s = 'a b';
