%% Boot checker for Canopy's Erlang and Elixir exports (used by ExportBootTest).
%%
%% canopy_check:main(ArgsFile) reads ArgsFile (file:consult) with
%%   {app, HexName}.            the OTP application to start
%%   {kill, [HexId, ...]}.      optional: child ids from the top supervisor down to one worker
%% Names travel hex-encoded (UTF-8), so this channel needs no escaping of its own.
%% It starts the application, prints its tree (read with which_children, recursively),
%% kills the worker with exit(Pid, kill), waits until the tree is stable, prints it again
%% and halts. Each tree is printed as
%%   TREE Label
%%   Depth IdHex Type Restart Shutdown Significant Flags Pid     (one line per child, start order)
%%   END
%% where Flags is Strategy/Intensity/Period/AutoShutdown for supervisors, "registry" for an
%% Elixir Registry (not entered), "-" for workers, and IdHex is "-" for a child without id.
-module(canopy_check).
-export([main/1]).

main(ArgsFile) ->
    try run(ArgsFile) of
        ok -> halt(0)
    catch Class:Reason:Stack ->
        io:format("ERROR ~0p:~0p ~0p~n", [Class, Reason, Stack]),
        halt(1)
    end.

run(ArgsFile) ->
    {ok, Terms} = file:consult(ArgsFile),
    App = binary_to_atom(unhex(proplists:get_value(app, Terms)), utf8),
    case application:ensure_all_started(App, temporary) of
        {ok, _} -> ok;
        Error -> io:format("START_FAILED ~0p~n", [Error]), halt(1)
    end,
    Top = top_supervisor(App),
    print_tree(boot, Top),
    case proplists:get_value(kill, Terms) of
        undefined -> ok;
        Path ->
            Ids = [binary_to_atom(unhex(H), utf8) || H <- Path],
            Victim = find(Top, Ids),
            Ref = erlang:monitor(process, Victim),
            exit(Victim, kill),
            receive {'DOWN', Ref, process, Victim, _} -> ok after 5000 -> error(victim_not_down) end,
            wait_stable(Top, snapshot(Top), 40),
            case is_process_alive(Top) of
                true -> print_tree('after', Top);
                false -> io:format("TREE after~nEND~n")
            end
    end,
    Running = [A || {A, _, _} <- application:which_applications()],
    io:format("APP ~s~n", [case lists:member(App, Running) of true -> running; false -> stopped end]),
    ok.

top_supervisor(App) ->
    Master = application_controller:get_master(App),
    {Pid, _Mod} = application_master:get_child(Master),
    Pid.

find(Pid, []) -> Pid;
find(Sup, [Id | Rest]) ->
    [Child] = [P || {I, P, _, _} <- supervisor:which_children(Sup), I =:= Id],
    true = is_pid(Child),
    find(Child, Rest).

%% Stable = two equal snapshots 100 ms apart with nobody restarting.
wait_stable(_Top, _Prev, 0) -> error(tree_not_stable);
wait_stable(Top, Prev, N) ->
    timer:sleep(100),
    Next = snapshot(Top),
    case Next =:= Prev andalso not lists:member(restarting, lists:flatten(Next)) of
        true -> ok;
        false -> wait_stable(Top, Next, N - 1)
    end.

snapshot(Top) ->
    try lines(Top, 0) catch _:_ -> changing end.

print_tree(Label, Top) ->
    io:format("TREE ~s~n", [Label]),
    [io:format("~s~n", [L]) || L <- lines(Top, 0)],
    io:format("END~n").

%% One line per child of Sup, in start order, each followed by its own subtree.
lines(Sup, Depth) ->
    State = sys:get_state(Sup),
    Children = lists:reverse(supervisor:which_children(Sup)),   % which_children lists newest first
    lists:append([child_lines(State, C, Depth) || C <- Children]).

child_lines(ParentState, {Id, Pid, Type, Mods}, Depth) ->
    {Restart, Shutdown, Significant} = spec_of(ParentState, Id, Pid),
    IsSup = Type =:= supervisor andalso is_pid(Pid),
    Flags = if
        Mods =:= ['Elixir.Registry'] -> "registry";
        IsSup -> flags(sys:get_state(Pid));
        true -> "-"
    end,
    Line = lists:flatten(io_lib:format("~b ~s ~s ~s ~s ~s ~s ~s",
        [Depth, id_hex(Id), Type, Restart, shutdown(Shutdown), Significant, Flags, pid(Pid)])),
    Sub = case IsSup andalso Mods =/= ['Elixir.Registry'] of
        true -> lines(Pid, Depth + 1);
        false -> []
    end,
    [Line | Sub].

%% OTP supervisor state record (OTP 25):
%% {state, Name, Strategy, {Ids, Db}, Dynamics, Intensity, Period, Restarts, DynRestarts,
%%  AutoShutdown, Module, Args}; Db maps Id to
%% {child, Pid, Id, MFA, Restart, Significant, Shutdown, Type, Modules}.
flags(S) when is_tuple(S), element(1, S) =:= state ->
    io_lib:format("~s/~b/~b/~s", [element(3, S), element(6, S), element(7, S), element(10, S)]);
flags(#{'__struct__' := 'Elixir.DynamicSupervisor', strategy := St, max_restarts := I, max_seconds := P}) ->
    io_lib:format("dynamic_~s/~b/~b/never", [St, I, P]).

spec_of(S, Id, _Pid) when is_tuple(S), element(1, S) =:= state ->
    {_Ids, Db} = element(4, S),
    Child = case maps:find(Id, Db) of
        {ok, C} -> C;
        error -> [Template] = maps:values(Db), Template    % simple_one_for_one
    end,
    {element(5, Child), element(7, Child), element(6, Child)};
spec_of(#{'__struct__' := 'Elixir.DynamicSupervisor', children := Children}, _Id, Pid) ->
    Spec = maps:get(Pid, Children),
    {element(2, Spec), element(3, Spec), false}.

shutdown(S) when is_integer(S) -> integer_to_list(S);
shutdown(S) -> atom_to_list(S).

pid(P) when is_pid(P) -> pid_to_list(P);
pid(P) -> atom_to_list(P).

id_hex(undefined) -> "-";
id_hex(Id) when is_atom(Id) -> hex(atom_to_binary(Id, utf8));
id_hex(Id) -> hex(unicode:characters_to_binary(io_lib:format("~0p", [Id]))).

hex(Bin) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin].

unhex(Hex) when is_binary(Hex) -> unhex(binary_to_list(Hex));
unhex(Hex) -> list_to_binary([list_to_integer([A, B], 16) || [A, B] <- pairs(Hex)]).

pairs([A, B | T]) -> [[A, B] | pairs(T)];
pairs([]) -> [].
