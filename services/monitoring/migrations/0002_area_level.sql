-- The region and the municipalities are found by level; with districts (thousands of areas at
-- national scale) a sequential scan of area would dominate the series and snapshot queries.
CREATE INDEX area_level ON area (level, id);
