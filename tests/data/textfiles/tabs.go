package main

func main() {
	if true {
		println("\t")
	}
}
