-- wrk script: POSTs the file named by BODY with the Content-Type in TYPE and the admin key in KEY,
-- and counts answers that differ from the file named by EXPECT (when set): wrong predictions.
wrk.method = "POST"
wrk.body = io.open(os.getenv("BODY"), "rb"):read("*a")
wrk.headers["Content-Type"] = os.getenv("TYPE") or "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
local expect_path = os.getenv("EXPECT")
local expected = expect_path and io.open(expect_path, "rb"):read("*a")

-- each wrk thread has its own Lua state, so a wrong answer is written out at once, not counted here
if expected then
  function response(status, headers, body)
    if body ~= expected then
      io.stderr:write("wrong " .. status .. "\n")
    end
  end
end
