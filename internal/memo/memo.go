// Package memo is a bounded map for results that the builds of one
// content pack share: clause texts, term lookups and HTML sections. It
// only grows, up to its limit, and is safe for concurrent use. The first
// builds of a region fill it with what the gemeenten have in common; a
// result that is never asked for again only takes a place.
package memo

import (
	"sync"
	"sync/atomic"
)

// A Map keeps at most Limit entries; after that, Put does nothing.
type Map[K comparable, V any] struct {
	Limit int64
	m     sync.Map
	n     atomic.Int64
}

// Get returns the value kept for k.
func (m *Map[K, V]) Get(k K) (V, bool) {
	v, ok := m.m.Load(k)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// Put keeps v for k, unless the map is full or already has k.
func (m *Map[K, V]) Put(k K, v V) {
	if m.n.Load() >= m.Limit {
		return
	}
	if _, loaded := m.m.LoadOrStore(k, v); !loaded {
		m.n.Add(1)
	}
}

// Len returns the number of entries kept.
func (m *Map[K, V]) Len() int { return int(m.n.Load()) }
