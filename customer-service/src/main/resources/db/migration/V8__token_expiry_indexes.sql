-- The retention job deletes expired refresh and mailed tokens by their expiry (RefreshTokenRetention,
-- CustomerTokenRetention).
create index refresh_token_expires on refresh_token (expires_at);
create index customer_token_expires on customer_token (expires_at);
