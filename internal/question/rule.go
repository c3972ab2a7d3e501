package question

import (
	"fmt"
	"regexp"
	"strings"

	"verordening/internal/source"
)

// A Rule checks a free-text answer against a regular expression: an
// accept rule must match the whole answer, a reject rule must match no
// part of it. Message says in Dutch what is wrong and what to write
// instead; it is what the gemeente reads at the answer's position.
type Rule struct {
	Re      *regexp.Regexp
	Message string
}

type rawRule struct {
	Pattern string `yaml:"pattern"`
	Message string `yaml:"message"`
}

var ruleKeys = []string{"pattern", "message"}

// compile turns a rule as written into a Rule; whole anchors the pattern
// to the whole answer (accept rules).
func (r rawRule) compile(id string, pos source.Pos, whole bool, errs *source.ErrorList) *Rule {
	if strings.TrimSpace(r.Message) == "" {
		errs.Add(pos, "vraag %s: een regel (accept of reject) heeft geen message; schrijf wat er mis is en wat de gemeente moet doen", id)
		return nil
	}
	p := r.Pattern
	if whole {
		p = `^(?:` + p + `)$`
	}
	re, err := regexp.Compile(p)
	if err != nil || r.Pattern == "" {
		errs.Add(pos, "vraag %s: ongeldig patroon %q (%v); schrijf een reguliere expressie zoals '^[0-9]+$'", id, r.Pattern, err)
		return nil
	}
	return &Rule{Re: re, Message: strings.TrimSpace(r.Message)}
}

// checkRules applies the accept and reject rules to a non-empty text
// answer and returns the message of the first rule it breaks, or "".
func (q *Question) checkRules(s string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return ""
	}
	if q.Accept != nil && !q.Accept.Re.MatchString(t) {
		return fmt.Sprintf("%q: %s", t, q.Accept.Message)
	}
	for _, r := range q.Reject {
		if r.Re.MatchString(t) {
			return fmt.Sprintf("%q: %s", t, r.Message)
		}
	}
	return ""
}
