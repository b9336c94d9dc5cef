package cso

import (
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
)

// Parsing a BCP 47 tag is the costliest step of validating an
// organization, and the same few tags ("tr", "ar", …) come back on every
// row of an import, so parses are remembered. The cache stops growing at
// tagCacheLimit entries so that odd input cannot fill memory.
const tagCacheLimit = 1024

var (
	tagCache     sync.Map // string → parsedTag
	tagCacheSize atomic.Int64
)

type parsedTag struct {
	tag language.Tag
	err error
}

// parseTag is language.Parse, remembered.
func parseTag(s string) (language.Tag, error) {
	if v, ok := tagCache.Load(s); ok {
		p := v.(parsedTag)
		return p.tag, p.err
	}

	tag, err := language.Parse(s)
	if tagCacheSize.Load() < tagCacheLimit {
		if _, loaded := tagCache.LoadOrStore(s, parsedTag{tag, err}); !loaded {
			tagCacheSize.Add(1)
		}
	}
	return tag, err
}
