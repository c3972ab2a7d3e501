package memo

import (
	"sync"
	"testing"
)

func TestMap(t *testing.T) {
	m := &Map[string, int]{Limit: 2}
	m.Put("a", 1)
	m.Put("a", 9) // kept value stays
	m.Put("b", 2)
	m.Put("c", 3) // full
	if v, ok := m.Get("a"); !ok || v != 1 {
		t.Errorf("a = %d, %v; want 1, true", v, ok)
	}
	if _, ok := m.Get("c"); ok {
		t.Error("c kept beyond the limit")
	}
	if m.Len() != 2 {
		t.Errorf("Len = %d, want 2", m.Len())
	}
}

func TestMapConcurrent(t *testing.T) {
	m := &Map[int, int]{Limit: 1000}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				m.Put(i, i)
				if v, ok := m.Get(i); !ok || v != i {
					t.Errorf("goroutine %d: %d = %d, %v", g, i, v, ok)
				}
			}
		})
	}
	wg.Wait()
	if m.Len() != 500 {
		t.Errorf("Len = %d, want 500", m.Len())
	}
}
