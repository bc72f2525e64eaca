/* page one */

/* page two */
int x;
