package clause

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template"
	"text/template/parse"
	"time"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"

	"verordening/internal/source"
)

// Limits bound what one execution of a template (a clause or a frame) may
// cost, so that a content pack with an endless or huge template stops with
// a positioned message instead of running out of memory or time.
type Limits struct {
	Output int           // bytes one template may write, and the largest string or list a function may make
	Items  int           // elements of a list a function may make (until, list, append, splitList …)
	Time   time.Duration // how long one template may run
}

// DefaultLimits are far above what any clause needs (the longest clause of
// the embedded pack writes under 10 KB in well under a millisecond).
var DefaultLimits = Limits{Output: 1 << 20, Items: 10000, Time: 2 * time.Second}

// errLimit marks an error of a bound, so that its message is not dressed
// as a function's error.
var errLimit = errors.New("limiet")

func (lim Limits) exceeded(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errLimit, fmt.Sprintf(format, args...))
}

func (lim Limits) size() string { return fmt.Sprintf("%d bytes", lim.Output) }

// funcs gives the bounded versions of the functions that can make large
// values: each checks the size of its result before making it.
func (lim Limits) funcs() template.FuncMap {
	sp := sprig.HermeticTxtFuncMap()
	return template.FuncMap{
		"repeat": func(count int, s string) (string, error) {
			if count < 0 || (len(s) > 0 && count > lim.Output/len(s)) {
				return "", lim.exceeded("repeat %d maal een tekst van %d bytes is langer dan %s", count, len(s), lim.size())
			}
			return strings.Repeat(s, count), nil
		},
		"until": func(n int) ([]int, error) {
			if err := lim.count("until", n, 0, 1); err != nil {
				return nil, err
			}
			return sp["until"].(func(int) []int)(n), nil
		},
		"untilStep": func(start, stop, step int) ([]int, error) {
			if err := lim.count("untilStep", stop, start, step); err != nil {
				return nil, err
			}
			return sp["untilStep"].(func(int, int, int) []int)(start, stop, step), nil
		},
		"seq": func(params ...int) (string, error) {
			start, stop, step := 1, 0, 1
			switch len(params) {
			case 1:
				stop = params[0]
			case 2:
				start, stop = params[0], params[1]
			case 3:
				start, step, stop = params[0], params[1], params[2]
			}
			if err := lim.count("seq", stop, start, step); err != nil {
				return "", err
			}
			return sp["seq"].(func(...int) string)(params...), nil
		},
		"list": func(v ...any) ([]any, error) {
			if err := lim.list("list", v); err != nil {
				return nil, err
			}
			return v, nil
		},
		"append": func(l any, v any) ([]any, error) {
			if err := lim.list("append", []any{l, v}); err != nil {
				return nil, err
			}
			if n := reflect.ValueOf(l); (n.Kind() == reflect.Slice || n.Kind() == reflect.Array) && n.Len() >= lim.Items {
				return nil, lim.exceeded("append: een lijst van meer dan %d elementen", lim.Items)
			}
			return sp["append"].(func(any, any) []any)(l, v), nil
		},
		"concat": func(lists ...any) (any, error) {
			n := 0
			for _, l := range lists {
				if v := reflect.ValueOf(l); v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
					n += v.Len()
				}
			}
			if n > lim.Items {
				return nil, lim.exceeded("concat: een lijst van meer dan %d elementen", lim.Items)
			}
			if err := lim.list("concat", lists); err != nil {
				return nil, err
			}
			return sp["concat"].(func(...any) any)(lists...), nil
		},
		"splitList": func(sep, s string) ([]string, error) {
			n := strings.Count(s, sep) + 1
			if sep == "" {
				n = utf8.RuneCountInString(s)
			}
			if n > lim.Items {
				return nil, lim.exceeded("splitList: een lijst van meer dan %d elementen", lim.Items)
			}
			return strings.Split(s, sep), nil
		},
		"join": func(sep string, v any) (string, error) {
			if lim.sizeOf(v)+len(sep)*length(v) > lim.Output {
				return "", lim.exceeded("join: de tekst wordt langer dan %s", lim.size())
			}
			return sp["join"].(func(string, any) string)(sep, v), nil
		},
		"cat": func(v ...any) (string, error) {
			if lim.sizeOf(v) > lim.Output {
				return "", lim.exceeded("cat: de tekst wordt langer dan %s", lim.size())
			}
			return sp["cat"].(func(...any) string)(v...), nil
		},
		"toString": func(v any) (string, error) {
			if lim.sizeOf(v) > lim.Output {
				return "", lim.exceeded("toString: de tekst wordt langer dan %s", lim.size())
			}
			return sp["toString"].(func(any) string)(v), nil
		},
		"replace": func(old, new, s string) (string, error) {
			n := strings.Count(s, old)
			if len(s)+n*(len(new)-len(old)) > lim.Output {
				return "", lim.exceeded("replace: de tekst wordt langer dan %s", lim.size())
			}
			return strings.ReplaceAll(s, old, new), nil
		},
		"upper": lim.grows(strings.ToUpper),
		"lower": lim.grows(strings.ToLower),
		"title": lim.grows(sp["title"].(func(string) string)),
		"printf": func(format string, args ...any) (string, error) {
			if err := lim.format("printf", format, args); err != nil {
				return "", err
			}
			return fmt.Sprintf(format, args...), nil
		},
		"print": func(args ...any) (string, error) {
			if err := lim.format("print", "", args); err != nil {
				return "", err
			}
			return fmt.Sprint(args...), nil
		},
		"println": func(args ...any) (string, error) {
			if err := lim.format("println", "", args); err != nil {
				return "", err
			}
			return fmt.Sprintln(args...), nil
		},
	}
}

// count checks that a range of numbers from start to stop by step has at
// most Items elements.
func (lim Limits) count(fn string, stop, start, step int) error {
	if step == 0 {
		return nil // sprig gives an empty list
	}
	span := int64(stop) - int64(start)
	n := span / int64(step)
	if n > int64(lim.Items) {
		return lim.exceeded("%s %d: een lijst van meer dan %d getallen", fn, stop, lim.Items)
	}
	return nil
}

// list checks the size of the elements a list function would keep.
func (lim Limits) list(fn string, v []any) error {
	if len(v) > lim.Items {
		return lim.exceeded("%s: een lijst van meer dan %d elementen", fn, lim.Items)
	}
	if lim.sizeOf(v) > lim.Output {
		return lim.exceeded("%s: de lijst wordt groter dan %s", fn, lim.size())
	}
	return nil
}

// grows bounds a function whose result may be somewhat longer than its
// argument (upper case of some letters takes more bytes), so that applying
// it over and over cannot grow a text without limit.
func (lim Limits) grows(f func(string) string) func(string) (string, error) {
	return func(s string) (string, error) {
		out := f(s)
		if len(out) > lim.Output {
			return "", lim.exceeded("de tekst wordt langer dan %s", lim.size())
		}
		return out, nil
	}
}

// format estimates the length fmt would give format and args: the
// arguments, the format, and every width and precision written in it.
func (lim Limits) format(fn, format string, args []any) error {
	n := len(format) + lim.sizeOf(args)
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		for i++; i < len(format) && !isVerb(format[i]); i++ {
			switch c := format[i]; {
			case c == '*':
				return lim.exceeded("%s: een breedte met * wordt niet ondersteund; schrijf de breedte als getal", fn)
			case c >= '0' && c <= '9':
				w := 0
				for ; i < len(format) && format[i] >= '0' && format[i] <= '9' && w <= lim.Output; i++ {
					w = w*10 + int(format[i]-'0')
				}
				i--
				n += w
			}
		}
	}
	if n > lim.Output {
		return lim.exceeded("%s: de tekst wordt langer dan %s", fn, lim.size())
	}
	return nil
}

func isVerb(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '%'
}

// sizeOf estimates the length of v printed, stopping once it passes
// Output (a list may hold itself many times over).
func (lim Limits) sizeOf(v any) int {
	n := 0
	var walk func(v reflect.Value)
	var fast func(v any) bool
	// fast sizes the common values without reflection.
	fast = func(v any) bool {
		switch x := v.(type) {
		case string:
			n += len(x) + 1
		case int, float64, bool:
			n += 24
		case []string:
			n += 2
			for _, s := range x {
				n += len(s) + 1
			}
		case []any:
			n += 2
			for _, e := range x {
				if n > lim.Output {
					break
				}
				if !fast(e) {
					walk(reflect.ValueOf(e))
				}
			}
		default:
			return false
		}
		return true
	}
	walk = func(v reflect.Value) {
		if n > lim.Output {
			return
		}
		switch v.Kind() {
		case reflect.Invalid:
			n += 5
		case reflect.String:
			n += v.Len() + 1
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				n += 5
				return
			}
			walk(v.Elem())
		case reflect.Slice, reflect.Array:
			n += 2
			for i := 0; i < v.Len() && n <= lim.Output; i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			n += 5
			it := v.MapRange()
			for it.Next() && n <= lim.Output {
				walk(it.Key())
				walk(it.Value())
			}
		case reflect.Struct:
			n += 2
			for i := 0; i < v.NumField() && n <= lim.Output; i++ {
				walk(v.Field(i))
			}
		default:
			n += 24
		}
	}
	if !fast(v) {
		walk(reflect.ValueOf(v))
	}
	return n
}

func length(v any) int {
	if r := reflect.ValueOf(v); r.Kind() == reflect.Slice || r.Kind() == reflect.Array {
		return r.Len()
	}
	return 0
}

// A Runner executes the templates of one build with the build's functions,
// each execution bounded by its Limits.
type Runner struct {
	t        *template.Template
	lim      Limits
	deadline atomic.Int64 // UnixNano after which the running template stops
	out      atomic.Pointer[cappedWriter]
}

// NewRunner clones the library's templates and binds fm, the build's
// functions, and the bounded ones.
func (l *Library) NewRunner(fm template.FuncMap, lim Limits) *Runner {
	r := &Runner{lim: lim}
	t := l.Templates().Funcs(fm).Funcs(lim.funcs())
	r.t = t.Funcs(template.FuncMap{tickFunc: r.tick})
	return r
}

// tick is called at the start of every pass through a range body.
func (r *Runner) tick() (string, error) {
	if time.Now().UnixNano() > r.deadline.Load() {
		return "", r.lim.exceeded("de template loopt langer dan %s; maak de lus (range) korter", r.lim.Time)
	}
	if w := r.out.Load(); w != nil && w.over {
		return "", r.lim.exceeded("de uitvoer van de template wordt groter dan %s; maak de lus (range) korter of de tekst erin kleiner", r.lim.size())
	}
	return "", nil
}

// Execute runs template name and returns its output. An error is a
// *source.Error at the place in the template where it occurred, in Dutch.
func (r *Runner) Execute(name string, data any) (string, error) {
	r.deadline.Store(time.Now().Add(r.lim.Time).UnixNano())
	w := &cappedWriter{max: r.lim.Output}
	r.out.Store(w)
	defer r.out.Store(nil)
	err := r.t.ExecuteTemplate(w, name, data)
	switch {
	case err != nil:
		return "", ExecError(name, err)
	case w.over:
		return "", &source.Error{Pos: source.Pos{File: name}, Msg: fmt.Sprintf("grens bereikt: de uitvoer van de template is groter dan %s; maak de tekst korter", r.lim.size())}
	}
	return w.b.String(), nil
}

// cappedWriter keeps at most max bytes and drops the rest. It does not
// fail, because text/template reports a writer's error without a position:
// the next pass through a loop (see tick) stops the template at the loop,
// and Execute reports output that grew without a loop.
type cappedWriter struct {
	b    strings.Builder
	max  int
	over bool
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	if w.over || w.b.Len()+len(p) > w.max {
		w.over = true
		return len(p), nil
	}
	return w.b.Write(p)
}

// instrument puts a call of tickFunc at the start of every range body of
// the tree, so that every pass through a loop checks the time: a loop over
// a long list with an empty body would otherwise run unchecked, since
// text/template has no deadline of its own.
func instrument(tree *parse.Tree) {
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
			if n.List != nil {
				n.List.Nodes = append([]parse.Node{tickNode(tree, n)}, n.List.Nodes...)
			}
		}
	}
	walk(tree.Root)
}

// tickNode is {{ limietControle }} at the position of the range, so that
// an error of the call names the line and column of the loop.
func tickNode(tree *parse.Tree, rn *parse.RangeNode) parse.Node {
	id := parse.NewIdentifier(tickFunc).SetTree(tree).SetPos(rn.Pos)
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: rn.Pos, Args: []parse.Node{id}}
	pipe := &parse.PipeNode{NodeType: parse.NodePipe, Pos: rn.Pos, Line: rn.Line, Cmds: []*parse.CommandNode{cmd}}
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: rn.Pos, Line: rn.Line, Pipe: pipe}
}
