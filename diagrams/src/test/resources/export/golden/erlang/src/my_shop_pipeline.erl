-module(my_shop_pipeline).
-behaviour(supervisor).

-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    SupFlags = #{strategy => rest_for_one,
                 intensity => 3,
                 period => 10,
                 auto_shutdown => never},
    ChildSpecs = [
      #{id => producer,
        start => {my_shop_producer, start_link, []},
        restart => permanent,
        significant => false,
        shutdown => 5000,
        type => worker,
        modules => [my_shop_producer]},
      #{id => consumer,
        start => {my_shop_consumer, start_link, []},
        restart => transient,
        significant => false,
        shutdown => 5000,
        type => worker,
        modules => [my_shop_consumer]},
      #{id => sink,
        start => {my_shop_sink, start_link, []},
        restart => temporary,
        significant => false,
        shutdown => 5000,
        type => worker,
        modules => [my_shop_sink]}
    ],
    {ok, {SupFlags, ChildSpecs}}.
