-- Refresh-token rotation: a rotated session stays valid for its access token until that
-- expires, but presenting its refresh token again is reuse (theft) and revokes the family.
ALTER TABLE sessions ADD COLUMN rotated_at TIMESTAMPTZ;
