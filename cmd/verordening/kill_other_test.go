//go:build !unix

package main

import "os"

// killSelf: without SIGKILL the kill tests do not run (kill_unix_test.go).
func killSelf() { os.Exit(137) }
