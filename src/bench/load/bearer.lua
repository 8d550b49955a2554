-- wrk: every request carries the access token that api-load.sh put in ACCESS_TOKEN_FILE.
local file = io.open(os.getenv("ACCESS_TOKEN_FILE"))
local token = file:read("*l")
file:close()
wrk.headers["Authorization"] = "Bearer " .. token
