//go:build !wasm

package main

func markStart() {}
