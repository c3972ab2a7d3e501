// Package condition compiles and evaluates the `when` conditions of
// questions and clauses: expr-lang expressions over the answers, checked
// against the questionnaire's types when they are loaded.
package condition

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	exprchecker "github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/vm"

	"verordening/internal/source"
)

// A Var describes one variable a condition may use: a question id, the zero
// value of its Go type (string, []string, float64 or bool) and, for choice
// questions, the values it can take.
type Var struct {
	Name    string
	Zero    any
	Options []string // nil when any value of the type is allowed
}

// Env is the typed environment conditions are checked against.
type Env struct {
	vars map[string]Var
	zero map[string]any

	// mu guards cfg, expr's configuration for this environment: built by
	// the first Compile and grown by Add, so that compiling a condition
	// does not describe every variable's type to expr again (expr.Compile
	// with expr.Env does, and for the few hundred conditions of a content
	// pack that was a tenth of a build's start).
	mu  sync.Mutex
	cfg *conf.Config
}

// NewEnv builds an environment from the variables.
func NewEnv(vars []Var) *Env {
	e := &Env{vars: map[string]Var{}, zero: map[string]any{}}
	for _, v := range vars {
		e.vars[v.Name] = v
		e.zero[v.Name] = v.Zero
	}
	return e
}

// Add adds the variable v to e, for a condition compiled after it; the
// conditions compiled before keep what they were checked against.
func (e *Env) Add(v Var) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.vars[v.Name] = v
	e.zero[v.Name] = v.Zero
	if e.cfg != nil {
		e.cfg.Env.Fields[v.Name] = e.cfg.NtCache.NatureOf(v.Zero)
	}
}

// config returns expr's configuration for e, as expr.Compile would make it
// with the options expr.Env(e.zero) and expr.AsBool(). e.mu is held.
func (e *Env) config() *conf.Config {
	if e.cfg == nil {
		c := conf.New(e.zero)
		c.Expect = reflect.Bool
		c.ExpectAny = true
		e.cfg = c
	}
	return e.cfg
}

// compile does what expr.Compile does, with e's configuration made once
// and v as the only visitor.
func (e *Env) compile(src string, v ast.Visitor) (*vm.Program, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	cfg := *e.config()
	cfg.Visitors = []ast.Visitor{v}
	tree, err := exprchecker.ParseCheck(src, &cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Optimize {
		if err := optimizer.Optimize(&tree.Node, &cfg); err != nil {
			var fe *file.Error
			if errors.As(err, &fe) {
				return nil, fe.Bind(tree.Source)
			}
			return nil, err
		}
	}
	return compiler.Compile(tree, &cfg)
}

// A Cond is a compiled condition. The zero Cond (no expression) is true.
type Cond struct {
	Src  string
	Pos  source.Pos
	Uses []string // the variables it reads, in order of first use
	prog *vm.Program
}

// Compile checks src against env: syntax, that every name is a known
// variable, that types fit (a janee question is a bool, a meerkeuze
// question a list) and that every string compared with a choice question
// is one of its options. pos is where src starts in its file; col is the
// column of the first character of the expression itself.
func Compile(src string, pos source.Pos, env *Env) (*Cond, error) {
	c := &Cond{Src: src, Pos: pos}
	if strings.TrimSpace(src) == "" {
		return c, nil
	}
	chk := &checker{env: env}
	prog, err := env.compile(src, chk)
	if err != nil {
		return nil, exprError(pos, src, err)
	}
	if chk.err != nil {
		return nil, chk.positioned(pos, src)
	}
	c.prog, c.Uses = prog, chk.uses
	return c, nil
}

// Eval evaluates the condition with the given values; a variable missing
// from values takes its zero value. A runtime failure counts as false and is
// returned.
func (c *Cond) Eval(values map[string]any) (bool, error) {
	if c == nil || c.prog == nil {
		return true, nil
	}
	out, err := expr.Run(c.prog, values)
	if err != nil {
		return false, fmt.Errorf("%s: voorwaarde %q: %s", c.Pos, c.Src, translate(err.Error()))
	}
	b, _ := out.(bool)
	return b, nil
}

// checker walks the parsed expression. It records the identifiers used and
// rejects a string literal compared with a choice variable when the literal
// is not one of that variable's options — something the type checker alone
// cannot see, since both sides are strings.
type checker struct {
	env  *Env
	uses []string
	err  error
	loc  file.Location
}

func (c *checker) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if !slices.Contains(c.uses, n.Value) {
			c.uses = append(c.uses, n.Value)
		}
	case *ast.BinaryNode:
		c.binary(n)
	}
}

func (c *checker) binary(n *ast.BinaryNode) {
	switch n.Operator {
	case "==", "!=":
		c.literalFits(n.Left, n.Right)
		c.literalFits(n.Right, n.Left)
	case "in", "not in":
		if arr, ok := n.Right.(*ast.ArrayNode); ok {
			for _, el := range arr.Nodes {
				c.literalFits(n.Left, el)
			}
		} else {
			c.literalFits(n.Right, n.Left)
		}
	}
}

// literalFits checks that lit, when it is a string literal, is an option of
// ident, when that is a choice variable.
func (c *checker) literalFits(ident, lit ast.Node) {
	id, ok := ident.(*ast.IdentifierNode)
	s, ok2 := lit.(*ast.StringNode)
	if !ok || !ok2 || c.err != nil {
		return
	}
	v, known := c.env.vars[id.Value]
	if !known || v.Options == nil || slices.Contains(v.Options, s.Value) {
		return
	}
	c.err = fmt.Errorf("%q is geen mogelijke waarde van %s (kies uit: %s)",
		s.Value, id.Value, strings.Join(v.Options, ", "))
	c.loc = lit.Location()
}

func (c *checker) positioned(pos source.Pos, src string) error {
	p := pos
	if p.Col > 0 {
		p.Col += runeCol(src, c.loc.From)
	}
	return &source.Error{Pos: p, Msg: "voorwaarde: " + c.err.Error()}
}

// exprError turns an expr compile error into a positioned Dutch message.
func exprError(pos source.Pos, src string, err error) error {
	var fe *file.Error
	msg := err.Error()
	p := pos
	if errors.As(err, &fe) {
		msg = fe.Message
		if p.Col > 0 && fe.Line <= 1 {
			p.Col += fe.Column
		}
	}
	msg = translate(msg)
	return &source.Error{Pos: p, Msg: fmt.Sprintf("voorwaarde %q: %s", src, msg)}
}

func runeCol(s string, from int) int {
	if from > len(s) {
		from = len(s)
	}
	return len([]rune(s[:from]))
}

// translate renders expr's messages in Dutch; a message not foreseen
// keeps expr's text behind a Dutch lead.
func translate(msg string) string {
	msg, _, _ = strings.Cut(msg, "\n") // expr's runtime errors add the source and a caret
	msg = strings.TrimSpace(trailingPos.ReplaceAllString(msg, ""))
	for _, t := range exprMessages {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return t.nl(m)
		}
	}
	return "fout in de voorwaarde: " + msg
}

var trailingPos = regexp.MustCompile(` \(\d+:\d+\)$`)

type exprMessage struct {
	re *regexp.Regexp
	nl func(m []string) string
}

func em(re string, nl func(m []string) string) exprMessage {
	return exprMessage{regexp.MustCompile(re), nl}
}

var exprMessages = []exprMessage{
	em(`^unknown name (\w+)$`, func(m []string) string {
		return "onbekende vraag " + m[1] + " (gebruik de id van een vraag uit questions/)"
	}),
	em(`^invalid operation: (\S+) \(mismatched types (\S+) and (\S+)\)$`, func(m []string) string {
		return fmt.Sprintf("de typen passen niet: %s tussen %s en %s", m[1], typeName(m[2]), typeName(m[3]))
	}),
	em(`^invalid operation: (\S+) (\S+) (\S+)$`, func(m []string) string {
		return fmt.Sprintf("de typen passen niet: %s tussen %s en %s", m[2], typeName(m[1]), typeName(m[3]))
	}),
	em(`^expected bool, but got (\S+)$`, func(m []string) string {
		return "de voorwaarde moet waar of onwaar opleveren, niet " + typeName(m[1])
	}),
	em(`^unexpected token EOF$`, func([]string) string {
		return "de voorwaarde houdt onverwacht op; ontbreekt er iets na de laatste operator, of een haakje?"
	}),
	em(`^unexpected token Operator\("(.*)"\)$`, func(m []string) string {
		return fmt.Sprintf("onverwachte operator %q (vergelijk met ==, combineer met && of ||)", m[1])
	}),
	em(`^unexpected token (.*)$`, func(m []string) string { return "onverwacht " + m[1] }),
	em(`^literal not terminated$`, func([]string) string { return "tekst zonder afsluitend aanhalingsteken" }),
	em(`^unrecognized character: (.*)$`, func(m []string) string { return "onbekend teken " + m[1] }),
	em(`^invalid argument for len \(type (\S+)\)$`, func(m []string) string {
		return "len telt de elementen van een lijst of tekst, niet van " + typeName(m[1])
	}),
	em(`^array elements can only be selected using an integer \(got (\S+)\)$`, func(m []string) string {
		return "een element van een lijst wordt gekozen met een getal, niet met " + typeName(m[1])
	}),
	em(`^integer divide by zero$|division by zero`, func([]string) string { return "deling door nul" }),
}

// typeName says a Go type in the words of the questionnaire.
func typeName(t string) string {
	switch {
	case t == "bool":
		return "waar/onwaar (janee)"
	case t == "string":
		return "tekst"
	case strings.HasPrefix(t, "float") || strings.HasPrefix(t, "int"):
		return "getal"
	case strings.HasPrefix(t, "[]"):
		return "lijst"
	case t == "<nil>" || t == "nil":
		return "geen waarde"
	}
	return t
}
