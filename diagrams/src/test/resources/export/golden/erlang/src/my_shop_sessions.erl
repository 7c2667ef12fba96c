-module(my_shop_sessions).
-behaviour(supervisor).

-export([start_link/0, start_child/0, init/1]).

%% The design's DynamicSupervisor, as OTP's simple_one_for_one: one child template,
%% children only on demand. extra_arguments come first in the template's args.
%% max_children: 100 in the design. OTP's supervisor has no such limit, so
%% start_child refuses with {error, max_children} once that many children are running
%% or restarting, as DynamicSupervisor does (checked before the call, not inside it).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

start_child() ->
    case children() >= 100 of
        true -> {error, max_children};
        false -> supervisor:start_child(?MODULE, [])
    end.

%% Children running or restarting (DynamicSupervisor counts both).
children() ->
    length([Pid || {_, Pid, _, _} <- supervisor:which_children(?MODULE), Pid =/= undefined]).

init([]) ->
    SupFlags = #{strategy => simple_one_for_one,
                 intensity => 5,
                 period => 30,
                 auto_shutdown => never},
    ChildSpecs = [#{id => session,
                    start => {my_shop_session, start_link, [{shop, 1}, guest]},
                    restart => temporary,
                    significant => false,
                    shutdown => 5000,
                    type => worker,
                    modules => [my_shop_session]}],
    {ok, {SupFlags, ChildSpecs}}.
