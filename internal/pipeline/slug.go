package pipeline

import "verordening/internal/format"

// Slug turns a gemeente's name into a folder name: lower case ASCII
// letters, digits and single hyphens ("Súdwest-Fryslân" → "sudwest-fryslan").
// It can hold no path separator and no "..", so out/<slug> never leaves
// out/.
func Slug(name string) string {
	if s := format.Slug(name); s != "" {
		return s
	}
	return "gemeente"
}
