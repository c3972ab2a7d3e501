package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeRefuses: serve stops before listening on a wrong address or an
// answers file with errors, with the CLI's messages and exit codes.
func TestServeRefuses(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "fout.yaml")
	if err := os.WriteFile(bad, []byte("gemeente: Testdorp\nonbekend: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"serve", "--addr", "geen-poort"}, exitUsage, "--addr \"geen-poort\" is geen adres"},
		{[]string{"serve", "--no-pdf", "--addr", "127.0.0.1:0", "--answers", bad}, exitInput, bad + ":2:1: onbekende vraag"},
		{[]string{"serve", "--no-pdf", "--answers", dir}, exitInput, "kan het antwoordbestand niet lezen"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(&env{strings.NewReader(""), &out, &errb}, tt.args)
		if code != tt.code || !strings.Contains(errb.String(), tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errb.String(), tt.code, tt.stderr)
		}
	}
}
