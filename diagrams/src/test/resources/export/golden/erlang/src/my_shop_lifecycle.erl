-module(my_shop_lifecycle).
-behaviour(supervisor).

-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    SupFlags = #{strategy => one_for_all,
                 intensity => 1,
                 period => 5,
                 auto_shutdown => any_significant},
    ChildSpecs = [
      #{id => main,
        start => {my_shop_main, start_link, []},
        restart => transient,
        significant => true,
        shutdown => brutal_kill,
        type => worker,
        modules => [my_shop_main]},
      #{id => helper,
        start => {my_shop_helper, start_link, []},
        restart => permanent,
        significant => false,
        shutdown => 5000,
        type => worker,
        modules => [my_shop_helper]}
    ],
    {ok, {SupFlags, ChildSpecs}}.
