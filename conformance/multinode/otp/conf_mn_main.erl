%% The controller of a multi-node scenario (../../MULTINODE-FORMAT.md): starts one peer node per
%% scenario node with OTP's `peer` module (connection standard_io, so the controller is not part
%% of their cluster), connects them, plays the steps (partitions with net_kernel:allow/1 and
%% erlang:disconnect_node/1, heals by allowing and connecting again) and prints the trace.
-module(conf_mn_main).
-export([main/1]).

-define(SETTLE_MS, 1000).

main([File]) ->
    try run(File) of
        ok -> halt(0)
    catch
        throw:{invalid, Why} -> io:format(standard_error, "invalid scenario ~s: ~s~n", [File, Why]), halt(2);
        C:R:St -> io:format(standard_error, "harness failure: ~p:~p~n~p~n", [C, R, St]), halt(1)
    end.

run(File) ->
    {ok, Bin} = file:read_file(File),
    S = conf_mn_json:decode(Bin),
    Labels = [binary_to_list(N) || N <- get(S, <<"nodes">>)],
    Steps = maps:get(<<"steps">>, S, []),
    Ebin = filename:dirname(code:which(?MODULE)),
    Unique = os:getpid(),
    Peers = [{L, start_peer(L, Unique, Ebin)} || L <- Labels],
    put(peers, Peers),
    put(labels, #{}),
    [put({node_label, N}, L) || {L, {_, N}} <- Peers],
    %% a full mesh, then let global agree
    [true = on(A, net_kernel, connect_node, [node_of(B)]) || A <- Labels, B <- Labels, A < B],
    [ok = on(L, global, sync, []) || L <- Labels],
    out("-- start nodes ~s", [string:join(Labels, " ")]),
    t0(),
    steps(Steps, 1, Labels),
    timer:sleep(?SETTLE_MS),
    flush_events(Labels),
    out("-- end", []),
    [peer:stop(P) || {_, {P, _}} <- Peers],
    ok.

start_peer(Label, Unique, Ebin) ->
    Name = list_to_atom("mn_" ++ Label ++ "_" ++ Unique),
    {ok, P, Node} = peer:start_link(#{name => Name, connection => standard_io, args => ["-pa", Ebin]}),
    {ok, _} = peer:call(P, conf_mn_node, start_recorder, []),
    %% The peer's log reports (global's overlapping-partition warnings, refused connections) go
    %% to stderr: stdout is the trace.
    ok = peer:call(P, logger, remove_handler, [default]),
    ok = peer:call(P, logger, add_handler, [default, logger_std_h, #{config => #{type => standard_error}}]),
    {P, Node}.

steps([], _, _) -> ok;
steps([Step | Rest], K, Labels) ->
    At = get(Step, <<"at_ms">>),
    wait_until(At),
    flush_events(Labels),
    Do = binary_to_list(get(Step, <<"do">>)),
    out("-- step ~b @~b ~s", [K, At, describe(Do, Step)]),
    act(Do, Step),
    steps(Rest, K + 1, Labels).

describe("spawn", S) -> "spawn " ++ str(S, <<"target">>);
describe("kill", S) -> "kill " ++ str(S, <<"target">>);
describe("monitor", S) -> "monitor " ++ str(S, <<"on">>) ++ " " ++ str(S, <<"target">>);
describe("monitor_node", S) -> "monitor_node " ++ str(S, <<"on">>) ++ " " ++ str(S, <<"node">>);
describe("link", S) -> "link " ++ str(S, <<"target">>) ++ " " ++ str(S, <<"to">>);
describe("register_global", S) ->
    "register_global " ++ str(S, <<"name">>) ++ " " ++ str(S, <<"target">>) ++ resolver_suffix(S);
describe("whereis_global", S) -> "whereis_global " ++ str(S, <<"on">>) ++ " " ++ str(S, <<"name">>);
describe("call", S) ->
    "call " ++ str(S, <<"from">>) ++ " " ++ str(S, <<"target">>) ++ " timeout " ++ integer_to_list(maps:get(<<"timeout_ms">>, S, 1000));
describe("nodes", S) -> "nodes " ++ str(S, <<"on">>);
describe("partition", S) -> "partition " ++ groups_text(get(S, <<"groups">>));
describe("disconnect", S) -> "disconnect " ++ str(S, <<"a">>) ++ " " ++ str(S, <<"b">>);
describe("heal", _) -> "heal";
describe("overlap", _) -> "overlap";
describe(Other, _) -> throw({invalid, "unknown step '" ++ Other ++ "'"}).

resolver_suffix(S) ->
    case maps:get(<<"resolver">>, S, <<"default">>) of
        <<"default">> -> "";
        R -> " resolver " ++ binary_to_list(R)
    end.

groups_text(Groups) -> string:join([string:join([binary_to_list(N) || N <- G], ",") || G <- Groups], " | ").

act("spawn", S) ->
    {L, Id} = target(S, <<"target">>),
    Pid = on(L, conf_mn_node, spawn_proc, [L ++ ":" ++ Id]),
    label(Pid, L ++ ":" ++ Id),
    out("spawn ~s:~s => ok", [L, Id]);
act("kill", S) ->
    {L, _} = target(S, <<"target">>),
    ok = on(L, conf_mn_node, kill, [pid_of(str(S, <<"target">>))]);
act("monitor", S) ->
    ok = on(str(S, <<"on">>), conf_mn_node, monitor_proc, [pid_of(str(S, <<"target">>))]);
act("monitor_node", S) ->
    ok = on(str(S, <<"on">>), conf_mn_node, monitor_node, [node_of(str(S, <<"node">>))]);
act("link", S) ->
    {L, _} = target(S, <<"target">>),
    ok = on(L, conf_mn_node, link_procs, [pid_of(str(S, <<"target">>)), pid_of(str(S, <<"to">>))]);
act("register_global", S) ->
    {L, _} = target(S, <<"target">>),
    Name = list_to_atom(str(S, <<"name">>)),
    Resolver = list_to_atom(binary_to_list(maps:get(<<"resolver">>, S, <<"default">>))),
    R = on(L, conf_mn_node, register_global, [Name, pid_of(str(S, <<"target">>)), Resolver]),
    out("register_global ~s ~s => ~s", [Name, str(S, <<"target">>), R]);
act("whereis_global", S) ->
    On = str(S, <<"on">>),
    R = on(On, conf_mn_node, whereis_global, [list_to_atom(str(S, <<"name">>))]),
    out("whereis_global ~s ~s => ~s", [On, str(S, <<"name">>), render(R)]);
act("call", S) ->
    From = str(S, <<"from">>),
    T = str(S, <<"target">>),
    Dest = case T of
               "global:" ++ Name -> {global, list_to_atom(Name)};
               _ -> pid_of(T)
           end,
    R = on(From, conf_mn_node, call, [Dest, maps:get(<<"timeout_ms">>, S, 1000)]),
    out("call ~s ~s => ~s", [From, T, case R of {ok, V} -> render(V); {exit, X} -> "exit " ++ render(X) end]);
act("nodes", S) ->
    On = str(S, <<"on">>),
    Ns = lists:sort([L || N <- on(On, erlang, nodes, []), (L = node_label(N)) =/= undefined]),
    out("nodes ~s => [~s]", [On, string:join(Ns, ",")]);
act("partition", S) ->
    Groups = [[binary_to_list(N) || N <- G] || G <- get(S, <<"groups">>)],
    Ctl = node(),
    [ok = on(L, net_kernel, allow, [[Ctl | [node_of(M) || M <- G]]]) || G <- Groups, L <- G],
    [on(A, erlang, disconnect_node, [node_of(B)]) || G <- Groups, A <- G, H <- Groups, H =/= G, B <- H];
act("disconnect", S) ->
    A = str(S, <<"a">>),
    B = str(S, <<"b">>),
    All = [L || {L, _} <- get(peers)],
    ok = on(A, net_kernel, allow, [[node() | [node_of(M) || M <- All, M =/= B]]]),
    ok = on(B, net_kernel, allow, [[node() | [node_of(M) || M <- All, M =/= A]]]),
    on(A, erlang, disconnect_node, [node_of(B)]);
act("overlap", _) ->
    All = [L || {L, _} <- get(peers)],
    Conn = maps:from_list([{L, [node_label(N) || N <- on(L, erlang, nodes, [])]} || L <- All]),
    Bridges = [X ++ " sees " ++ Y ++ "," ++ Z || X <- All, Y <- maps:get(X, Conn), Z <- maps:get(X, Conn), Y < Z,
                                             not lists:member(Z, maps:get(Y, Conn))],
    out("overlap => ~s", [case Bridges of [] -> "none"; _ -> string:join(Bridges, "; ") end]);
act("heal", _) ->
    All = [L || {L, _} <- get(peers)],
    Everyone = [node() | [node_of(M) || M <- All]],
    [ok = on(L, net_kernel, allow, [Everyone]) || L <- All],
    [on(A, net_kernel, connect_node, [node_of(B)]) || A <- All, B <- All, A < B],
    ok.

%% Events since the last flush: per node in declared order; within a node sorted (the order in
%% which one disconnect's nodedown, DOWN and exit messages reach the recorder is not specified).
flush_events(Labels) ->
    [begin
         Lines = lists:sort([event_line(L, E) || E <- on(L, conf_mn_node, collect, [])]),
         [out("~s", [Line]) || Line <- Lines]
     end || L <- Labels],
    ok.

event_line(_On, {exit, Pid, Reason}) -> "exit " ++ render(Pid) ++ " " ++ render(Reason);
event_line(On, {down, Target, Reason}) -> "down " ++ On ++ " " ++ render(Target) ++ " " ++ render(Reason);
event_line(On, {nodedown, Node}) -> "nodedown " ++ On ++ " " ++ render(Node).

%% ---- rendering (FORMAT.md's REASON rules; pids and nodes by label) -------------------------

render(A) when is_atom(A) ->
    case node_label(A) of
        undefined -> atom_to_list(A);
        L -> L
    end;
render(P) when is_pid(P) -> maps:get(P, get(labels), "pid");
render(I) when is_integer(I) -> integer_to_list(I);
render(T) when is_tuple(T) -> "{" ++ string:join([render(E) || E <- tuple_to_list(T)], ",") ++ "}";
render(L) when is_list(L) -> "[" ++ string:join([render(E) || E <- L], ",") ++ "]";
render(_) -> "term".

node_label(N) -> get({node_label, N}).

label(Pid, Label) -> put(labels, maps:put(Pid, Label, get(labels))).

pid_of(Label) ->
    case [P || {P, L} <- maps:to_list(get(labels)), L =:= Label] of
        [P] -> P;
        [] -> throw({invalid, "no process '" ++ Label ++ "' was spawned before this step"})
    end.

node_of(Label) ->
    case lists:keyfind(Label, 1, get(peers)) of
        {_, {_, N}} -> N;
        false -> throw({invalid, "no node '" ++ Label ++ "'"})
    end.

target(S, Key) ->
    T = str(S, Key),
    case string:split(T, ":") of
        [L, Id] -> node_of(L), {L, Id};
        _ -> throw({invalid, "target '" ++ T ++ "' is not NODE:ID"})
    end.

on(Label, M, F, A) ->
    case lists:keyfind(Label, 1, get(peers)) of
        {_, {P, _}} -> peer:call(P, M, F, A, 10000);
        false -> throw({invalid, "no node '" ++ Label ++ "'"})
    end.

%% ---- time, output, JSON --------------------------------------------------------------------

t0() -> put(t0, erlang:monotonic_time(millisecond)).

wait_until(At) ->
    Now = erlang:monotonic_time(millisecond) - get(t0),
    if At > Now -> timer:sleep(At - Now);
       At < Now - 50 -> io:format(standard_error, "warning: step @~b started ~b ms late~n", [At, Now - At]);
       true -> ok
    end.

out(Fmt, Args) -> io:format(Fmt ++ "~n", Args).

get(M, K) ->
    case maps:find(K, M) of
        {ok, V} -> V;
        error -> throw({invalid, "missing '" ++ binary_to_list(K) ++ "'"})
    end.

str(M, K) -> binary_to_list(get(M, K)).
