package cso

// turkeyOutline is a coarse outline of Turkey, as latitude and longitude
// pairs in order around the country. It runs some 5 to 10 km outside the
// land borders and the coast, so that border and coastal towns and the
// Turkish islands (Gökçeada, Bozcaada, the Princes' Islands and those of
// the Sea of Marmara) fall inside; the Sea of Marmara and the gulfs lie
// wholly within it. Greek islands close to the coast, such as Lesbos,
// Chios, Kos and Rhodes, stay outside, but the outline is too coarse to
// separate islets that lie within a few kilometres of the mainland, such
// as Kastellorizo, or the tip of Samos.
var turkeyOutline = [][2]float64{
	// Thrace: the Evros (Meriç) and the border with Greece, northward.
	{40.70, 25.96}, {40.86, 26.04}, {40.93, 26.27}, {41.20, 26.30},
	{41.33, 26.48}, {41.55, 26.55}, {41.64, 26.44}, {41.72, 26.30},

	// The border with Bulgaria, eastward to the Black Sea.
	{41.85, 26.50}, {42.02, 26.56}, {42.10, 27.10}, {42.06, 27.60},
	{42.05, 28.05},

	// The Black Sea coast, eastward from İğneada to Sarp.
	{41.92, 28.08}, {41.62, 28.18}, {41.38, 28.75}, {41.28, 29.15},
	{41.22, 29.65}, {41.20, 30.25}, {41.16, 30.70}, {41.15, 31.10},
	{41.35, 31.40}, {41.52, 31.78}, {41.62, 32.05}, {41.82, 32.40},
	{41.96, 33.00}, {42.05, 33.75}, {42.06, 34.30}, {42.17, 34.95},
	{42.10, 35.25}, {41.85, 35.30}, {41.80, 35.98}, {41.36, 36.36},
	{41.45, 36.65}, {41.25, 37.00}, {41.18, 37.30}, {41.10, 37.52},
	{41.18, 37.70}, {41.05, 37.90}, {41.00, 38.40}, {41.08, 38.82},
	{41.09, 39.20}, {41.07, 39.72}, {41.00, 40.10}, {41.03, 40.28},
	{41.09, 40.52}, {41.24, 40.88}, {41.33, 41.14}, {41.46, 41.40},
	{41.56, 41.50},

	// The borders with Georgia and Armenia.
	{41.57, 41.60}, {41.56, 41.80}, {41.62, 42.05}, {41.62, 42.55},
	{41.66, 42.85}, {41.50, 43.10}, {41.33, 43.32}, {41.24, 43.53},
	{41.00, 43.60}, {40.76, 43.73}, {40.50, 43.66}, {40.18, 43.74},
	{40.10, 44.00}, {40.08, 44.25}, {39.93, 44.58}, {39.80, 44.84},

	// Nakhchivan and the border with Iran, southward.
	{39.66, 44.88}, {39.42, 44.46}, {39.25, 44.30}, {39.05, 44.30},
	{38.80, 44.35}, {38.45, 44.40}, {38.10, 44.45}, {37.80, 44.66},
	{37.45, 44.70}, {37.18, 44.86},

	// The borders with Iraq and Syria, westward.
	{37.08, 44.80}, {37.04, 44.40}, {37.10, 44.00}, {37.12, 43.60},
	{37.18, 43.30}, {37.18, 43.00}, {37.07, 42.70}, {37.03, 42.35},
	{37.20, 42.12}, {37.00, 41.70}, {37.00, 41.22}, {36.95, 40.60},
	{36.80, 40.05}, {36.64, 38.95}, {36.83, 38.35}, {36.77, 38.00},
	{36.61, 37.50}, {36.58, 37.10}, {36.76, 36.90}, {36.75, 36.70},
	{36.50, 36.68}, {36.30, 36.72}, {36.18, 36.60}, {36.05, 36.48},
	{35.95, 36.30}, {35.80, 36.10}, {35.76, 35.92}, {35.85, 35.78},

	// The Mediterranean coast, westward from Samandağ to Knidos.
	{36.08, 35.85}, {36.40, 35.80}, {36.50, 35.35}, {36.62, 35.00},
	{36.72, 34.65}, {36.52, 34.28}, {36.17, 33.97}, {36.08, 33.65},
	{36.06, 33.30}, {36.02, 32.96}, {35.96, 32.80}, {36.20, 32.25},
	{36.47, 31.98}, {36.70, 31.40}, {36.15, 30.45}, {36.22, 30.15},
	{36.13, 29.90}, {36.14, 29.65}, {36.20, 29.45}, {36.22, 29.28},
	{36.35, 29.18}, {36.55, 29.04}, {36.52, 28.90}, {36.64, 28.75},
	{36.72, 28.45}, {36.65, 28.20}, {36.52, 28.05}, {36.55, 27.95},
	{36.66, 27.90}, {36.65, 27.65}, {36.64, 27.32}, {36.73, 27.32},

	// The Aegean coast, northward from Bodrum to Gökçeada.
	{36.98, 27.45}, {36.95, 27.20}, {37.10, 27.14}, {37.33, 27.15},
	{37.50, 27.08}, {37.62, 26.98}, {37.70, 27.04}, {37.74, 27.12},
	{37.86, 27.20}, {37.95, 27.12}, {38.05, 26.95}, {38.15, 26.75},
	{38.20, 26.35}, {38.30, 26.22}, {38.45, 26.24}, {38.62, 26.30},
	{38.78, 26.45}, {38.70, 26.68}, {38.90, 26.78}, {39.05, 26.80},
	{39.20, 26.70}, {39.30, 26.57}, {39.42, 26.55}, {39.43, 26.25},
	{39.44, 26.02}, {39.60, 26.03}, {39.80, 25.93}, {40.02, 25.65},
	{40.13, 25.60}, {40.28, 25.62}, {40.55, 25.95},
}

// InTurkey reports whether c lies within Turkey's land borders and coast,
// as drawn by a coarse outline that errs a few kilometres outward.
func (c Coordinates) InTurkey() bool {
	return insidePolygon(c.Lat, c.Lon, turkeyOutline)
}

// insidePolygon reports whether the point lies inside the polygon, by
// casting a ray eastward from it and counting the edges it crosses. The
// polygon is small enough to treat latitude and longitude as a plane.
func insidePolygon(lat, lon float64, polygon [][2]float64) bool {
	inside := false
	j := len(polygon) - 1
	for i := range polygon {
		a, b := polygon[i], polygon[j]
		if (a[0] > lat) != (b[0] > lat) {
			cross := a[1] + (lat-a[0])*(b[1]-a[1])/(b[0]-a[0])
			if lon < cross {
				inside = !inside
			}
		}
		j = i
	}
	return inside
}
