-module(my_shop_app).
-behaviour(application).

-export([start/2, stop/1]).

start(_StartType, _StartArgs) ->
    my_shop_root:start_link().

stop(_State) ->
    ok.
