// Package verordening holds the embedded content pack: the questionnaire,
// the clause library and the document templates. The engine lives under
// internal/ and the command under cmd/verordening.
package verordening

import "embed"

// Content is the embedded content pack. Its layout (questions/, clauses/,
// templates/) is the same one that --content DIR replaces.
//
//go:embed questions clauses templates
var Content embed.FS
