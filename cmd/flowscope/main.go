// Command flowscope explores integration architectures: how the load of
// each data stream grows, which system gives out first, which pattern and
// components fit.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
