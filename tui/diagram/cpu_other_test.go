//go:build !unix

package diagram

func cpuTime() float64 { return -1 }
