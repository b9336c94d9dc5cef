// Package cso is the public directory of civil society organizations that
// serve refugees in Turkey: who they are, what services they offer, where,
// for whom and in which languages.
//
// The package holds the models, their validation, search-key folding and
// Turkish ordering, the reference tables (provinces, service areas, target
// groups), the CSV import format and the [Store] interface that a storage
// layer implements. It imports no database and no HTTP code and never logs.
//
// Most callers work through a [Directory], which checks who is asking
// before every write:
//
//	db, err := store.Open(ctx, "sqlite:musterek.db")
//	if err != nil { … }
//	dir := cso.NewDirectory(db.Organizations())
//	res, err := dir.Search(ctx, cso.Query{Text: "çocuk", Province: 34})
package cso
