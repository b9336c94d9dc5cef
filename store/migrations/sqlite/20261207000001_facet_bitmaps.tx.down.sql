DROP TABLE facet_bitmaps;
