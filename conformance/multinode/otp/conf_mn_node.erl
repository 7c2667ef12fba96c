%% What runs on every peer node of a multi-node scenario: the node's recorder (a registered
%% process that monitors the node's processes, watches nodes and collects event terms until the
%% controller fetches them), the scenario's processes (a small gen_server), and the global
%% resolver that makes a name clash deterministic.
-module(conf_mn_node).
-behaviour(gen_server).
-export([start_recorder/0, collect/0, spawn_proc/1, monitor_proc/1, monitor_node/1, link_procs/2,
         kill/1, call/2, register_global/3, whereis_global/1, keep_first_node/3]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, recorder/1]).

%% ---- recorder ------------------------------------------------------------------------------

start_recorder() ->
    Self = self(),
    Pid = spawn(fun() -> register(conf_mn_rec, self()), Self ! ready, recorder([]) end),
    receive ready -> ok end,
    {ok, Pid}.

recorder(Acc) ->
    receive
        {watch, Pid, From} -> erlang:monitor(process, Pid), From ! {watched, Pid}, recorder(Acc);
        {watch_down, Target, From} -> erlang:monitor(process, Target, [{tag, {'DOWN_WATCHED', Target}}]),
                                      From ! {watched, Target}, recorder(Acc);
        {watch_node, Node, From} -> erlang:monitor_node(Node, true), From ! {watched, Node}, recorder(Acc);
        {'DOWN', _, process, Pid, Reason} -> recorder([{exit, Pid, Reason} | Acc]);
        {{'DOWN_WATCHED', Target}, _, process, _, Reason} -> recorder([{down, Target, Reason} | Acc]);
        {nodedown, Node} -> recorder([{nodedown, Node} | Acc]);
        {collect, From} -> From ! {events, lists:reverse(Acc)}, recorder([]);
        {record, Event} -> recorder([Event | Acc])
    end.

ask(Msg) ->
    conf_mn_rec ! Msg,
    receive {watched, _} -> ok after 5000 -> error(recorder_timeout) end.

collect() ->
    conf_mn_rec ! {collect, self()},
    receive {events, Es} -> Es after 5000 -> error(recorder_timeout) end.

%% ---- operations, each run on the node it concerns ------------------------------------------

spawn_proc(Label) ->
    {ok, Pid} = gen_server:start(?MODULE, Label, []),
    ok = ask({watch, Pid, self()}),
    Pid.

monitor_proc(Target) -> ask({watch_down, Target, self()}).

monitor_node(Node) -> ask({watch_node, Node, self()}).

link_procs(Pid, Other) -> gen_server:call(Pid, {link, Other}).

kill(Pid) -> exit(Pid, kill), ok.

call(Target, Timeout) ->
    try gen_server:call(Target, ping, Timeout) of
        Reply -> {ok, Reply}
    catch
        exit:{Reason, _} -> {exit, Reason}
    end.

register_global(Name, Pid, default) -> global:register_name(Name, Pid);
register_global(Name, Pid, keep_first_node) -> global:register_name(Name, Pid, fun ?MODULE:keep_first_node/3).

whereis_global(Name) -> global:whereis_name(Name).

%% A name clash on heal: keep the process on the node whose name sorts first, kill the other
%% (what the default resolver does, with the survivor chosen by a rule a trace can show).
keep_first_node(Name, Pid1, Pid2) ->
    {Keep, Lose} = case atom_to_list(node(Pid1)) =< atom_to_list(node(Pid2)) of
                       true -> {Pid1, Pid2};
                       false -> {Pid2, Pid1}
                   end,
    _ = Name,
    exit(Lose, kill),
    Keep.

%% ---- the scenario's processes --------------------------------------------------------------

init(Label) -> {ok, Label}.

handle_call(ping, _From, S) -> {reply, ok, S};
handle_call({link, Other}, _From, S) -> link(Other), {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.

handle_info(_, S) -> {noreply, S}.
