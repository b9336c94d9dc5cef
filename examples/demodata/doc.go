// Package demodata holds the directory's demo data: 57 real civil society
// organizations that work with refugees in Turkey, in the CSV import format
// of [cso.ReadCSV].
//
// The facts (names, provinces, websites, service areas, target groups and
// languages) come from public sources: the organizations' own websites,
// the AIDA country report on Türkiye, the public association registry
// (DERBIS), reports of donors and partners, and the press. SOURCES.md, next
// to the data file, lists the sources of each organization and says which
// rows are only partly confirmed. Provinces mix headquarters and service
// sites, some seen in 2014–2019. The descriptions were written from those
// facts. The data holds no personal data, phone numbers or addresses.
//
// The data shows what the directory looks like when it is full; it is not
// a directory to publish as it is. A deployment should confirm each row
// with the organization before listing it publicly.
//
// Loading it into a directory takes one call:
//
//	orgs, err := demodata.Organizations()
//	if err != nil { … }
//	for _, o := range orgs { … }
//
// or, through an administrator's import, which checks and saves every row
// at once:
//
//	report, err := dir.Import(ctx, admin, demodata.CSV())
package demodata
