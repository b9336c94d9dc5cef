package main

import (
	"crypto/sha256"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Bounds on the memory of a writeLimiter: it forgets tokens idle for
// limiterIdle once it holds limiterMaxKeys of them.
const (
	limiterMaxKeys = 10_000
	limiterIdle    = 10 * time.Minute
)

// writeLimiter spreads each token's writes out in time. A nil
// *writeLimiter lets everything through.
type writeLimiter struct {
	limit rate.Limit
	burst int

	mu sync.Mutex
	// byToken is keyed by the token's hash, so that no token is kept in
	// memory longer than its request.
	byToken map[[sha256.Size]byte]*tokenLimiter
}

// tokenLimiter is the limiter of one token and when it was last used.
type tokenLimiter struct {
	limiter  *rate.Limiter
	lastSeen time.Time
}

// newWriteLimiter returns a limiter allowing perSecond writes a second to
// each token, with bursts of burst; perSecond 0 turns limiting off.
func newWriteLimiter(perSecond float64, burst int) *writeLimiter {
	if perSecond == 0 {
		return nil
	}
	return &writeLimiter{
		limit:   rate.Limit(perSecond),
		burst:   burst,
		byToken: map[[sha256.Size]byte]*tokenLimiter{},
	}
}

// delay returns 0 when the token may write now, or how long it should
// wait before trying again. Requests without a token share one limiter.
func (l *writeLimiter) delay(token string) time.Duration {
	if l == nil {
		return 0
	}
	key := sha256.Sum256([]byte(token))
	now := time.Now()

	l.mu.Lock()
	defer l.mu.Unlock()

	tl := l.byToken[key]
	if tl == nil {
		l.forgetIdle(now)
		tl = &tokenLimiter{limiter: rate.NewLimiter(l.limit, l.burst)}
		l.byToken[key] = tl
	}
	tl.lastSeen = now

	res := tl.limiter.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d
	}
	return 0
}

// forgetIdle drops idle tokens when the map is full, and every token if
// none was idle, so that a flood of made-up tokens cannot exhaust memory.
func (l *writeLimiter) forgetIdle(now time.Time) {
	if len(l.byToken) < limiterMaxKeys {
		return
	}
	for key, tl := range l.byToken {
		if now.Sub(tl.lastSeen) > limiterIdle {
			delete(l.byToken, key)
		}
	}
	if len(l.byToken) >= limiterMaxKeys {
		clear(l.byToken)
	}
}
