//go:build wasm

package main

import "syscall/js"

// markStart records when main starts, after the runtime and every package's
// initialization: the benchmark's account of a cold visit splits Go's start
// there.
func markStart() { js.Global().Get("performance").Call("mark", "marsad:go-main") }
