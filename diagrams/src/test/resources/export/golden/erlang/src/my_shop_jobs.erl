-module(my_shop_jobs).
-behaviour(supervisor).

-export([start_link/0, start_child/1, start_task/1, init/1]).

%% The design's Task.Supervisor: temporary task processes, started on demand.
%% max_children: infinity in the design.

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

%% Runs Fun in a new supervised task.
start_child(Fun) when is_function(Fun, 0) ->
    supervisor:start_child(?MODULE, [Fun]).

start_task(Fun) ->
    {ok, proc_lib:spawn_link(Fun)}.

init([]) ->
    SupFlags = #{strategy => simple_one_for_one,
                 intensity => 2,
                 period => 4,
                 auto_shutdown => never},
    Task = #{id => task,
             start => {?MODULE, start_task, []},
             restart => temporary,
             significant => false,
             shutdown => 5000,
             type => worker,
             modules => [?MODULE]},
    {ok, {SupFlags, [Task]}}.
