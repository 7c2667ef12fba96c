%% Canopy's bridge to running BEAM nodes. It runs on a hidden Erlang node that Canopy starts with
%% the user's own `erl`; nothing of it is ever loaded onto the nodes it looks at. It reads
%% commands from standard input (one Erlang term per command, ending in a dot) and writes JSON
%% lines to standard output. Every call to an attached node goes through rpc:call/5 with a
%% timeout, so a slow or huge node never stalls it.
%%
%% Commands:
%%   {connect, Target, Cookie, ProbeName, IntervalMs}.   Target, ProbeName: binaries; Cookie: binary | default
%%   {reconnect}.
%%   {exit, PidText, Reason}.   Reason: binary (an atom's text)
%%   {quit}.
%% Messages: {"type": "hello" | "connected" | "failed" | "snapshot" | "exit" | "nodeup" |
%%            "nodedown" | "disconnected" | "done" | "info", ...}
-module(canopy_bridge).
-export([main/0, reader/1]).

-define(CALL_TIMEOUT, 2000).
-define(MAX_DEPTH, 40).
-define(MAX_CHILDREN, 2000).

main() ->
    logger:remove_handler(default),
    process_flag(trap_exit, true),
    spawn_link(?MODULE, reader, [self()]),
    emit(#{type => hello, otp => list_to_binary(erlang:system_info(otp_release))}),
    idle().

%% Reads commands from standard input; end of input (Canopy went away) stops the node.
reader(Main) ->
    case io:read(standard_io, '') of
        {ok, Term} -> Main ! {command, Term}, reader(Main);
        {error, _} = E -> Main ! {command, {bad_command, E}}, reader(Main);
        eof -> erlang:halt(0)
    end.

idle() ->
    receive
        {command, {connect, Target, Cookie, Probe, Interval}} ->
            case connect(binary_to_list(Target), Cookie, binary_to_list(Probe)) of
                {ok, Node} ->
                    emit(#{type => connected, node => Node, probe => node()}),
                    erlang:monitor_node(Node, true),
                    loop(#{target => Node, interval => Interval, nodes => #{Node => up},
                           monitors => #{}, specs => #{}, pids => #{}});
                {error, Kind, Sentence} ->
                    emit(#{type => failed, kind => Kind, message => unicode:characters_to_binary(Sentence)}),
                    idle()
            end;
        {command, {quit}} -> erlang:halt(0);
        {command, Other} ->
            emit(#{type => info, message => text("ignored command before connecting: ~0p", [command_name(Other)])}),
            idle();
        _ -> idle()
    end.

%% ---- connecting -------------------------------------------------------------------------------

connect(Target, Cookie, Probe) ->
    case string:split(Target, "@") of
        [Name, Host] when Name =/= "", Host =/= "" -> connect(Target, Name, Host, Cookie, Probe);
        _ -> {error, usage, io_lib:format("~ts is not a node name: give it as name@host, e.g. myapp@~ts",
                                          [Target, short_host()])}
    end.

connect(Target, Name, Host, Cookie, Probe) ->
    Mode = mode_of(Host),
    case with_timeout(fun() -> erl_epmd:names(Host) end, 5000) of
        {ok, {ok, Names}} ->
            case lists:keymember(Name, 1, Names) of
                false ->
                    Known = [N || {N, _} <- Names],
                    {error, not_running, io_lib:format(
                        "No node named ~ts is running on ~ts (epmd there knows ~ts).",
                        [Name, Host, case Known of [] -> "no nodes"; _ -> lists:join(", ", Known) end])};
                true ->
                    check_name(Target, Name, Host, Mode, Cookie, Probe)
            end;
        {ok, {error, address}} ->
            {error, epmd, io_lib:format(
                "epmd is not running on ~ts, so no named Erlang node runs there (start the node with -sname or -name, or run `epmd -daemon`).",
                [Host])};
        {ok, {error, Reason}} ->
            {error, unreachable, io_lib:format("Cannot reach ~ts: ~0p.", [Host, Reason])};
        timeout ->
            {error, unreachable, io_lib:format("~ts did not answer within 5 seconds (is the host reachable?).", [Host])};
        {crashed, R} ->
            {error, unreachable, io_lib:format("Cannot reach ~ts: ~0p.", [Host, R])}
    end.

%% The node's real name, read from its first handshake message, tells whether it uses short or
%% long names; a mismatch otherwise shows only as a refused connection.
check_name(Target, Name, Host, Mode, Cookie, Probe) ->
    case with_timeout(fun() -> real_name(Name, Host) end, 5000) of
        {ok, {ok, Real}} when Real =/= Target ->
            RealMode = mode_of(tl(lists:dropwhile(fun(C) -> C =/= $@ end, Real))),
            case RealMode =:= Mode of
                true -> start_and_connect(Real, Mode, Cookie, Probe);
                false ->
                    {error, name_mode, io_lib:format(
                        "~ts uses ~ts names (~ts) and is called ~ts, but ~ts is a ~ts name: attach to ~ts.",
                        [Target, word(RealMode), flag(RealMode), Real, Target, word(Mode), Real])}
            end;
        _ -> start_and_connect(Target, Mode, Cookie, Probe)
    end.

start_and_connect(Target, Mode, Cookie, Probe) ->
    Host = tl(lists:dropwhile(fun(C) -> C =/= $@ end, Target)),
    case start_distribution(Probe, Mode, Host) of
        ok ->
            case Cookie of
                default -> ok;
                _ -> erlang:set_cookie(binary_to_atom(Cookie, utf8))
            end,
            Node = list_to_atom(Target),
            case with_timeout(fun() -> net_kernel:connect_node(Node) end, 8000) of
                {ok, true} -> {ok, Node};
                {ok, _} ->
                    {error, cookie, io_lib:format(
                        "~ts refused the connection: the cookie is wrong (give the node's cookie with --cookie or --cookie-file).",
                        [Target])};
                _ ->
                    {error, unreachable, io_lib:format("~ts did not answer within 8 seconds.", [Target])}
            end;
        {error, Why} ->
            {error, epmd, io_lib:format(
                "Canopy could not start its own hidden node (~0p): is epmd running on this machine (`epmd -daemon`)?",
                [Why])}
    end.

start_distribution(Probe, Mode, TargetHost) ->
    Unique = Probe ++ "_" ++ os:getpid(),
    Names = case Mode of
        shortnames -> [Unique];
        longnames ->
            case lists:member(TargetHost, ["127.0.0.1", "localhost", "::1"]) of
                true -> [Unique ++ "@" ++ TargetHost];
                false -> [Unique, Unique ++ "@127.0.0.1"]
            end
    end,
    try_start(Names, Mode, none).

try_start([], _Mode, Last) -> {error, Last};
try_start([N | Rest], Mode, _) ->
    case net_kernel:start([list_to_atom(N), Mode]) of
        {ok, _} -> ok;
        {error, {already_started, _}} -> ok;
        {error, E} -> try_start(Rest, Mode, E)
    end.

%% The first message of the distribution handshake carries the node's own name.
real_name(Name, Host) ->
    {port, Port, _} = erl_epmd:port_please(Name, Host, 3000),
    {ok, S} = gen_tcp:connect(Host, Port, [binary, {packet, 2}, {active, false}], 3000),
    Flags = 16#4 bor 16#8 bor 16#10 bor 16#80 bor 16#100 bor 16#200 bor 16#400 bor 16#800
        bor 16#10000 bor 16#20000 bor 16#40000 bor 16#1000000 bor 16#4000000,
    Me = <<"canopy_name_check@", (list_to_binary(short_host()))/binary>>,
    ok = gen_tcp:send(S, <<$N, Flags:64, 0:32, (byte_size(Me)):16, Me/binary>>),
    try
        {ok, <<$s, _/binary>>} = gen_tcp:recv(S, 0, 3000),
        {ok, <<$N, _:64, _:32, _:32, Len:16, Real:Len/binary, _/binary>>} = gen_tcp:recv(S, 0, 3000),
        {ok, binary_to_list(Real)}
    after
        gen_tcp:close(S)
    end.

mode_of(Host) ->
    case lists:member($., Host) orelse lists:member($:, Host) of
        true -> longnames;
        false -> shortnames
    end.

word(shortnames) -> "short";
word(longnames) -> "long".
flag(shortnames) -> "-sname";
flag(longnames) -> "-name".

short_host() ->
    {ok, H} = inet:gethostname(),
    H.

with_timeout(Fun, Ms) ->
    Self = self(),
    Ref = make_ref(),
    {Pid, MRef} = spawn_monitor(fun() -> Self ! {Ref, catch Fun()} end),
    receive
        {Ref, {'EXIT', R}} -> erlang:demonitor(MRef, [flush]), {crashed, R};
        {Ref, Result} -> erlang:demonitor(MRef, [flush]), {ok, Result};
        {'DOWN', MRef, process, Pid, R} -> {crashed, R}
    after Ms ->
        exit(Pid, kill),
        erlang:demonitor(MRef, [flush]),
        timeout
    end.

%% ---- attached: poll, watch, report ------------------------------------------------------------

loop(S0) ->
    S1 = discover(S0),
    S2 = try poll(S1)
         catch C:E -> emit(#{type => info, message => text("reading the nodes failed: ~0p:~0P", [C, E, 8])}), S1
         end,
    Deadline = erlang:monotonic_time(millisecond) + maps:get(interval, S2),
    wait(S2, Deadline).

wait(S, Deadline) ->
    Left = max(0, Deadline - erlang:monotonic_time(millisecond)),
    receive
        {'DOWN', Ref, process, Pid, Reason} ->
            Monitors = maps:get(monitors, S),
            case maps:take(Ref, Monitors) of
                {{_Node, _Path}, Rest} when Reason =:= noconnection ->
                    %% The node itself went away: its nodedown says so, once, instead of every process.
                    wait(S#{monitors := Rest, pids := maps:remove(Pid, maps:get(pids, S))}, Deadline);
                {{Node, Path}, Rest} ->
                    emit(#{type => exit, node => Node, path => Path, pid => pid_text(Pid),
                           reason => term_text(Reason), t => now_ms()}),
                    %% Look again soon: the supervisor restarts the child within milliseconds.
                    wait(S#{monitors := Rest}, min(Deadline, erlang:monotonic_time(millisecond) + 30));
                error -> wait(S, Deadline)
            end;
        {nodedown, Node} ->
            emit(#{type => nodedown, node => Node, t => now_ms()}),
            Nodes = maps:get(nodes, S),
            S1 = S#{nodes := Nodes#{Node => down}},
            case Node =:= maps:get(target, S) of
                true -> emit(#{type => disconnected, node => Node, t => now_ms()});
                false -> ok
            end,
            wait(S1, Deadline);
        {command, {reconnect}} ->
            Target = maps:get(target, S),
            case with_timeout(fun() -> net_kernel:connect_node(Target) end, 8000) of
                {ok, true} ->
                    erlang:monitor_node(Target, true),
                    emit(#{type => connected, node => Target, probe => node()}),
                    loop(S#{nodes := (maps:get(nodes, S))#{Target => up}});
                _ ->
                    emit(#{type => failed, kind => unreachable,
                           message => text("~ts is still not reachable.", [Target])}),
                    wait(S, Deadline)
            end;
        {command, {exit, PidText, Reason}} ->
            do_exit(PidText, Reason),
            wait(S, erlang:monotonic_time(millisecond));
        {command, {quit}} -> erlang:halt(0);
        {command, Other} ->
            emit(#{type => info, message => text("ignored command: ~0p", [command_name(Other)])}),
            wait(S, Deadline);
        _Other -> wait(S, Deadline)
    after Left ->
        loop(S)
    end.

do_exit(PidText, ReasonText) ->
    try
        Pid = list_to_pid(binary_to_list(PidText)),
        Reason = binary_to_atom(ReasonText, utf8),
        R = rpc:call(node(Pid), erlang, exit, [Pid, Reason], ?CALL_TIMEOUT),
        emit(#{type => info, message => text("sent exit(~ts, ~ts): ~0p", [PidText, ReasonText, R])})
    catch _:E ->
        emit(#{type => info, message => text("could not send the exit: ~0p", [E])})
    end.

%% Every node the target is connected to joins the view (nodes() on the target).
discover(S) ->
    Nodes = maps:get(nodes, S),
    case maps:get(maps:get(target, S), Nodes) of
        up ->
            case rpc:call(maps:get(target, S), erlang, nodes, [], ?CALL_TIMEOUT) of
                Peers when is_list(Peers) ->
                    New = [N || N <- Peers, N =/= node(), maps:get(N, Nodes, none) =/= up],
                    lists:foldl(fun(N, Acc) ->
                        case with_timeout(fun() -> net_kernel:connect_node(N) end, 3000) of
                            {ok, true} ->
                                erlang:monitor_node(N, true),
                                emit(#{type => nodeup, node => N, t => now_ms()}),
                                Acc#{nodes := (maps:get(nodes, Acc))#{N => up}};
                            _ -> Acc
                        end
                    end, S, New);
                _ -> S
            end;
        down -> S
    end.

poll(S) ->
    Nodes = maps:get(nodes, S),
    {Reports, S1} = lists:foldl(fun(Node, {Acc, St}) ->
        case maps:get(Node, Nodes) of
            up -> {Apps, St1} = read_node(Node, St), {[#{node => Node, status => up, apps => Apps} | Acc], St1};
            down -> {[#{node => Node, status => down, apps => []} | Acc], St}
        end
    end, {[], S}, lists:sort(maps:keys(Nodes))),
    %% Exits that happened while reading come first, so they precede the restarts this round shows.
    S2 = flush_downs(S1),
    emit(#{type => snapshot, t => now_ms(), nodes => lists:reverse(Reports)}),
    S2.

flush_downs(S) ->
    Monitors = maps:get(monitors, S),
    receive
        {'DOWN', Ref, process, _Pid, noconnection} when is_map_key(Ref, Monitors) ->
            flush_downs(S#{monitors := maps:remove(Ref, Monitors)});
        {'DOWN', Ref, process, Pid, Reason} when is_map_key(Ref, Monitors) ->
            {Node, Path} = maps:get(Ref, Monitors),
            emit(#{type => exit, node => Node, path => Path, pid => pid_text(Pid),
                   reason => term_text(Reason), t => now_ms()}),
            flush_downs(S#{monitors := maps:remove(Ref, Monitors)})
    after 0 -> S
    end.

read_node(Node, S) ->
    case rpc:call(Node, application, which_applications, [?CALL_TIMEOUT], ?CALL_TIMEOUT + 500) of
        Apps when is_list(Apps) ->
            lists:foldl(fun({App, Desc, Vsn}, {Acc, St}) ->
                case top_of(Node, App) of
                    {ok, Pid, Mod} ->
                        {Tree, St1} = read_sup(Node, Pid, Mod, [atom_to_binary(App, utf8)], St, 0),
                        {Acc ++ [#{name => App, description => chars(Desc), vsn => chars(Vsn), root => Tree}], St1};
                    none ->
                        {Acc ++ [#{name => App, description => chars(Desc), vsn => chars(Vsn), root => null}], St}
                end
            end, {[], S}, Apps);
        _ -> {[], S}
    end.

top_of(Node, App) ->
    case rpc:call(Node, application_controller, get_master, [App], ?CALL_TIMEOUT) of
        Master when is_pid(Master) ->
            case rpc:call(Node, application_master, get_child, [Master], ?CALL_TIMEOUT) of
                {Pid, Mod} when is_pid(Pid) -> {ok, Pid, Mod};
                _ -> none
            end;
        _ -> none
    end.

%% A supervisor and everything below it, with the child spec its parent holds (added by the caller).
read_sup(Node, Pid, Mod, Path, S, Depth) ->
    S1 = watch(Node, Pid, Path, S),
    Info = proc_info(Node, Pid),
    Base = Info#{id => lists:last(Path), pid => pid_text(Pid), status => running, module => Mod},
    case rpc:call(Node, sys, get_state, [Pid, ?CALL_TIMEOUT], ?CALL_TIMEOUT + 500) of
        State when is_tuple(State), element(1, State) =:= state, tuple_size(State) >= 11 ->
            Flags = #{kind => supervisor, strategy => element(3, State), intensity => element(6, State),
                      period => element(7, State), auto_shutdown => element(10, State),
                      module => element(11, State)},
            {Children, S2} = read_children(Node, Pid, State, Path, S1, Depth),
            {maps:merge(Base, Flags#{children => Children, template => template_of(State)}), S2};
        #{'__struct__' := 'Elixir.DynamicSupervisor'} = State ->
            Flags = #{kind => dynamic_supervisor, strategy => maps:get(strategy, State),
                      intensity => maps:get(max_restarts, State), period => maps:get(max_seconds, State),
                      max_children => maps:get(max_children, State), auto_shutdown => never},
            {Children, S2} = read_children(Node, Pid, State, Path, S1, Depth),
            {maps:merge(Base, Flags#{children => Children}), S2};
        Other ->
            {Base#{kind => unknown_supervisor, unreadable => term_text(Other), children => []}, S1}
    end.

read_children(_Node, _Sup, _State, _Path, S, Depth) when Depth >= ?MAX_DEPTH -> {[], S};
read_children(Node, Sup, State, Path, S, Depth) ->
    case rpc:call(Node, supervisor, which_children, [Sup], ?CALL_TIMEOUT) of
        List when is_list(List) ->
            InOrder = lists:sublist(lists:reverse(List), ?MAX_CHILDREN),   % newest first on OTP
            Indexed = lists:zip(lists:seq(1, length(InOrder)), InOrder),
            lists:foldl(fun({I, {Id, Pid, Type, Mods}}, {Acc, St}) ->
                IdText = case Id of undefined -> text("#~b", [I]); _ -> term_text(Id) end,
                ChildPath = Path ++ [IdText],
                %% A static child's spec never changes while its supervisor lives: read it once.
                Specs = maps:get(specs, St),
                {Spec, St0} = case Id =/= undefined andalso maps:find({Sup, Id}, Specs) of
                    {ok, Known} -> {Known, St};
                    _ ->
                        Read = spec_of(Node, Sup, State, Id, Pid),
                        case Id =/= undefined andalso not maps:is_key(spec, Read) of
                            true -> {Read, St#{specs := Specs#{{Sup, Id} => Read}}};
                            false -> {Read, St}
                        end
                end,
                {Child, St1} = read_child(Node, Pid, Type, Mods, ChildPath, St0, Depth),
                {Acc ++ [maps:merge(Child, Spec#{id => IdText, type => Type, modules => Mods})], St1}
            end, {[], S}, Indexed);
        _ -> {[], S}
    end.

read_child(Node, Pid, supervisor, Mods, Path, S, Depth) when is_pid(Pid), Mods =/= ['Elixir.Registry'] ->
    read_sup(Node, Pid, hd(Mods ++ [undefined]), Path, S, Depth + 1);
read_child(Node, Pid, Type, Mods, Path, S, _Depth) when is_pid(Pid) ->
    S1 = watch(Node, Pid, Path, S),
    Kind = case {Type, Mods} of {supervisor, ['Elixir.Registry']} -> registry; _ -> worker end,
    {(proc_info(Node, Pid))#{pid => pid_text(Pid), status => running, kind => Kind}, S1};
read_child(_Node, Status, Type, _Mods, _Path, S, _Depth) ->
    Kind = case Type of supervisor -> supervisor; _ -> worker end,
    {#{pid => null, status => Status, kind => Kind}, S}.

%% The child spec, through supervisor:get_childspec/2 for static children and from the state of a
%% simple_one_for_one or Elixir DynamicSupervisor (whose children have no ids).
spec_of(Node, Sup, State, Id, Pid) ->
    Raw = case {State, Id} of
        {#{'__struct__' := 'Elixir.DynamicSupervisor', children := Cs}, _} ->
            case maps:find(Pid, Cs) of
                {ok, {MFA, Restart, Shutdown, Type, Mods}} ->
                    {ok, #{start => MFA, restart => Restart, shutdown => Shutdown, type => Type, modules => Mods}};
                _ -> none
            end;
        {_, undefined} ->
            {_Ids, Db} = element(4, State),
            case maps:values(Db) of [Template] -> {ok, child_map(Template)}; _ -> none end;
        _ ->
            rpc:call(Node, supervisor, get_childspec, [Sup, Id], ?CALL_TIMEOUT)
    end,
    case Raw of
        {ok, M} when is_map(M) ->
            {Mo, F, A} = maps:get(start, M, {undefined, undefined, []}),
            Args = case is_list(A) of true -> [term_text(X) || X <- A]; false -> [term_text(A)] end,
            #{start => #{module => Mo, function => F, args => Args},
              restart => maps:get(restart, M, permanent), shutdown => maps:get(shutdown, M, null),
              significant => maps:get(significant, M, false)};
        _ -> #{spec => unreadable}
    end.

%% A simple_one_for_one supervisor's one child spec, the template of what it starts on demand.
template_of(State) when element(3, State) =:= simple_one_for_one ->
    {_Ids, Db} = element(4, State),
    case maps:values(Db) of
        [C] ->
            M = child_map(C),
            {Mo, F, A} = maps:get(start, M),
            #{id => term_text(element(3, C)), type => maps:get(type, M), modules => maps:get(modules, M),
              start => #{module => Mo, function => F, args => [term_text(X) || X <- A]},
              restart => maps:get(restart, M), shutdown => maps:get(shutdown, M),
              significant => maps:get(significant, M)};
        _ -> null
    end;
template_of(_) -> null.

child_map(C) when is_tuple(C), tuple_size(C) >= 9 ->
    #{start => element(4, C), restart => element(5, C), significant => element(6, C),
      shutdown => element(7, C), type => element(8, C), modules => element(9, C)};
child_map(_) -> #{}.

proc_info(Node, Pid) ->
    case rpc:call(Node, erlang, process_info, [Pid, [registered_name, message_queue_len, memory]], ?CALL_TIMEOUT) of
        [{registered_name, Name}, {message_queue_len, Q}, {memory, M}] ->
            #{registered => case Name of [] -> null; _ -> Name end, mq => Q, memory => M};
        _ -> #{registered => null, mq => null, memory => null}
    end.

%% One monitor per process seen; its 'DOWN' carries the real exit reason.
watch(Node, Pid, Path, S) ->
    Pids = maps:get(pids, S),
    case maps:is_key(Pid, Pids) of
        true -> S;
        false ->
            Ref = erlang:monitor(process, Pid),
            S#{pids := Pids#{Pid => Ref}, monitors := (maps:get(monitors, S))#{Ref => {Node, Path}}}
    end.

%% Only a command's name is ever echoed: a connect command carries the cookie.
command_name(T) when is_tuple(T), tuple_size(T) > 0 -> element(1, T);
command_name(_) -> unknown.

%% ---- text and JSON ----------------------------------------------------------------------------

now_ms() -> erlang:system_time(millisecond).

pid_text(Pid) -> list_to_binary(pid_to_list(Pid)).

term_text(A) when is_atom(A) -> atom_to_binary(A, utf8);
term_text(T) -> text("~0tP", [T, 12]).

text(Format, Args) -> unicode:characters_to_binary(io_lib:format(Format, Args)).

chars(L) when is_list(L) -> unicode:characters_to_binary(L);
chars(B) when is_binary(B) -> B;
chars(T) -> term_text(T).

emit(Map) ->
    io:put_chars(standard_io, [json(Map), $\n]).

json(null) -> <<"null">>;
json(true) -> <<"true">>;
json(false) -> <<"false">>;
json(N) when is_integer(N) -> integer_to_binary(N);
json(F) when is_float(F) -> float_to_binary(F, [short]);
json(A) when is_atom(A) -> string(atom_to_binary(A, utf8));
json(B) when is_binary(B) -> string(B);
json(P) when is_pid(P) -> string(pid_text(P));
json(M) when is_map(M) ->
    [${, lists:join($,, [[string(key(K)), $:, json(V)] || {K, V} <- lists:sort(maps:to_list(M))]), $}];
json(L) when is_list(L) -> [$[, lists:join($,, [json(X) || X <- L]), $]];
json(T) -> string(term_text(T)).

key(K) when is_atom(K) -> atom_to_binary(K, utf8);
key(K) when is_binary(K) -> K;
key(K) -> term_text(K).

string(B) ->
    Safe = case unicode:characters_to_binary(B) of
        Bin when is_binary(Bin) -> Bin;
        _ -> list_to_binary([C || <<C>> <= B, C < 128])
    end,
    [$", [escape(C) || <<C/utf8>> <= Safe], $"].

escape($") -> <<"\\\"">>;
escape($\\) -> <<"\\\\">>;
escape($\n) -> <<"\\n">>;
escape(C) when C < 32 -> io_lib:format("\\u~4.16.0b", [C]);
escape(C) -> <<C/utf8>>.
