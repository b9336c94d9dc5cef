package cso_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

// provinceCapitals holds the approximate centre of each province's
// capital, by plate code.
var provinceCapitals = map[int]cso.Coordinates{
	1: {Lat: 37.00, Lon: 35.32}, 2: {Lat: 37.76, Lon: 38.28},
	3: {Lat: 38.76, Lon: 30.54}, 4: {Lat: 39.72, Lon: 43.05},
	5: {Lat: 40.65, Lon: 35.83}, 6: {Lat: 39.93, Lon: 32.86},
	7: {Lat: 36.89, Lon: 30.71}, 8: {Lat: 41.18, Lon: 41.82},
	9: {Lat: 37.85, Lon: 27.85}, 10: {Lat: 39.65, Lon: 27.88},
	11: {Lat: 40.14, Lon: 29.98}, 12: {Lat: 38.88, Lon: 40.50},
	13: {Lat: 38.40, Lon: 42.11}, 14: {Lat: 40.74, Lon: 31.61},
	15: {Lat: 37.72, Lon: 30.29}, 16: {Lat: 40.19, Lon: 29.06},
	17: {Lat: 40.15, Lon: 26.41}, 18: {Lat: 40.60, Lon: 33.62},
	19: {Lat: 40.55, Lon: 34.95}, 20: {Lat: 37.78, Lon: 29.09},
	21: {Lat: 37.91, Lon: 40.24}, 22: {Lat: 41.68, Lon: 26.56},
	23: {Lat: 38.67, Lon: 39.22}, 24: {Lat: 39.75, Lon: 39.49},
	25: {Lat: 39.90, Lon: 41.27}, 26: {Lat: 39.78, Lon: 30.52},
	27: {Lat: 37.07, Lon: 37.38}, 28: {Lat: 40.91, Lon: 38.39},
	29: {Lat: 40.46, Lon: 39.48}, 30: {Lat: 37.57, Lon: 43.74},
	31: {Lat: 36.20, Lon: 36.16}, 32: {Lat: 37.76, Lon: 30.55},
	33: {Lat: 36.80, Lon: 34.63}, 34: {Lat: 41.01, Lon: 28.98},
	35: {Lat: 38.42, Lon: 27.14}, 36: {Lat: 40.60, Lon: 43.10},
	37: {Lat: 41.38, Lon: 33.78}, 38: {Lat: 38.73, Lon: 35.49},
	39: {Lat: 41.73, Lon: 27.22}, 40: {Lat: 39.15, Lon: 34.16},
	41: {Lat: 40.77, Lon: 29.92}, 42: {Lat: 37.87, Lon: 32.48},
	43: {Lat: 39.42, Lon: 29.98}, 44: {Lat: 38.35, Lon: 38.31},
	45: {Lat: 38.61, Lon: 27.43}, 46: {Lat: 37.58, Lon: 36.94},
	47: {Lat: 37.31, Lon: 40.74}, 48: {Lat: 37.22, Lon: 28.36},
	49: {Lat: 38.74, Lon: 41.49}, 50: {Lat: 38.62, Lon: 34.71},
	51: {Lat: 37.97, Lon: 34.68}, 52: {Lat: 40.98, Lon: 37.88},
	53: {Lat: 41.02, Lon: 40.52}, 54: {Lat: 40.78, Lon: 30.40},
	55: {Lat: 41.29, Lon: 36.33}, 56: {Lat: 37.93, Lon: 41.94},
	57: {Lat: 42.03, Lon: 35.15}, 58: {Lat: 39.75, Lon: 37.02},
	59: {Lat: 40.98, Lon: 27.51}, 60: {Lat: 40.31, Lon: 36.55},
	61: {Lat: 41.00, Lon: 39.72}, 62: {Lat: 39.11, Lon: 39.55},
	63: {Lat: 37.16, Lon: 38.79}, 64: {Lat: 38.68, Lon: 29.41},
	65: {Lat: 38.49, Lon: 43.38}, 66: {Lat: 39.82, Lon: 34.81},
	67: {Lat: 41.45, Lon: 31.79}, 68: {Lat: 38.37, Lon: 34.03},
	69: {Lat: 40.26, Lon: 40.23}, 70: {Lat: 37.18, Lon: 33.22},
	71: {Lat: 39.85, Lon: 33.51}, 72: {Lat: 37.89, Lon: 41.13},
	73: {Lat: 37.52, Lon: 42.46}, 74: {Lat: 41.63, Lon: 32.34},
	75: {Lat: 41.11, Lon: 42.70}, 76: {Lat: 39.92, Lon: 44.04},
	77: {Lat: 40.65, Lon: 29.27}, 78: {Lat: 41.20, Lon: 32.62},
	79: {Lat: 36.72, Lon: 37.12}, 80: {Lat: 37.07, Lon: 36.25},
	81: {Lat: 40.84, Lon: 31.16},
}

func TestInTurkeyHoldsForEveryProvinceCapital(t *testing.T) {
	assert.Len(t, provinceCapitals, 81)
	for code := 1; code <= 81; code++ {
		c, ok := provinceCapitals[code]
		if assert.True(t, ok, "capital of province %d missing", code) {
			assert.True(t, c.InTurkey(), "capital of province %d at %v", code, c)
		}
	}
}

func TestInTurkeyHoldsForIslandsAndBorderTowns(t *testing.T) {
	places := []struct {
		name string
		at   cso.Coordinates
	}{
		{"Gökçeada", cso.Coordinates{Lat: 40.16, Lon: 25.84}},
		{"Bozcaada", cso.Coordinates{Lat: 39.83, Lon: 26.05}},
		{"Büyükada", cso.Coordinates{Lat: 40.86, Lon: 29.12}},
		{"Marmara Island", cso.Coordinates{Lat: 40.61, Lon: 27.62}},
		{"Enez", cso.Coordinates{Lat: 40.72, Lon: 26.08}},
		{"Babakale", cso.Coordinates{Lat: 39.48, Lon: 26.07}},
		{"Çeşme", cso.Coordinates{Lat: 38.32, Lon: 26.30}},
		{"Bodrum", cso.Coordinates{Lat: 37.03, Lon: 27.43}},
		{"Datça", cso.Coordinates{Lat: 36.73, Lon: 27.69}},
		{"Kaş", cso.Coordinates{Lat: 36.20, Lon: 29.64}},
		{"Hopa", cso.Coordinates{Lat: 41.40, Lon: 41.43}},
		{"Doğubayazıt", cso.Coordinates{Lat: 39.55, Lon: 44.08}},
		{"Cizre", cso.Coordinates{Lat: 37.33, Lon: 42.19}},
		{"Nusaybin", cso.Coordinates{Lat: 37.07, Lon: 41.22}},
		{"Ceylanpınar", cso.Coordinates{Lat: 36.85, Lon: 40.05}},
		{"Akçakale", cso.Coordinates{Lat: 36.71, Lon: 38.95}},
		{"Yayladağı", cso.Coordinates{Lat: 35.90, Lon: 36.06}},
	}
	for _, p := range places {
		assert.True(t, p.at.InTurkey(), p.name)
	}
}

func TestInTurkeyFailsAbroad(t *testing.T) {
	places := []struct {
		name string
		at   cso.Coordinates
	}{
		{"Aleppo", cso.Coordinates{Lat: 36.20, Lon: 37.16}},
		{"Mosul", cso.Coordinates{Lat: 36.34, Lon: 43.13}},
		{"Erbil", cso.Coordinates{Lat: 36.19, Lon: 44.01}},
		{"Tabriz", cso.Coordinates{Lat: 38.08, Lon: 46.29}},
		{"Yerevan", cso.Coordinates{Lat: 40.18, Lon: 44.51}},
		{"Tbilisi", cso.Coordinates{Lat: 41.72, Lon: 44.79}},
		{"Batumi", cso.Coordinates{Lat: 41.64, Lon: 41.63}},
		{"Thessaloniki", cso.Coordinates{Lat: 40.64, Lon: 22.94}},
		{"Alexandroupoli", cso.Coordinates{Lat: 40.85, Lon: 25.87}},
		{"Sofia", cso.Coordinates{Lat: 42.70, Lon: 23.32}},
		{"Plovdiv", cso.Coordinates{Lat: 42.14, Lon: 24.75}},
		{"Nicosia", cso.Coordinates{Lat: 35.17, Lon: 33.36}},
		{"Damascus", cso.Coordinates{Lat: 33.51, Lon: 36.29}},
		{"Athens", cso.Coordinates{Lat: 37.98, Lon: 23.73}},
		{"Mytilene, Lesbos", cso.Coordinates{Lat: 39.11, Lon: 26.55}},
		{"Chios", cso.Coordinates{Lat: 38.37, Lon: 26.14}},
		{"Kos", cso.Coordinates{Lat: 36.89, Lon: 27.29}},
		{"Rhodes", cso.Coordinates{Lat: 36.43, Lon: 28.22}},
		{"Beirut", cso.Coordinates{Lat: 33.89, Lon: 35.50}},
		{"Null Island", cso.Coordinates{Lat: 0, Lon: 0}},
	}
	for _, p := range places {
		assert.False(t, p.at.InTurkey(), p.name)
	}
}
