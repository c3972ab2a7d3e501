package clause_test

import (
	"strings"
	"testing"

	"verordening/internal/clause"
	"verordening/internal/question"
	"verordening/internal/source"
)

// TestUnreadableClause: a clause file that cannot be read (here: larger
// than the limit of a content pack) stops the load with an error that
// names it, while the files before it in its folder are being parsed side
// by side (go test -race checks that nothing races on the way).
func TestUnreadableClause(t *testing.T) {
	const limit = 64 << 10
	name := "clauses/verordening/25-zz-te-groot.md"
	fsys := source.LimitFS(overlay(t, map[string]string{name: strings.Repeat("x", limit+1)}), limit)
	qs, err := question.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	_, err = clause.Load(fsys, qs)
	if err == nil || !strings.Contains(err.Error(), name) {
		t.Fatalf("load: %v\nwant an error naming %s", err, name)
	}
}
