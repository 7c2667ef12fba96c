-module(my_shop_registry).
-behaviour(gen_server).

-export([start_link/0, register_name/2, unregister_name/1, whereis_name/1, send/2,
         init/1, handle_call/3, handle_cast/2, handle_info/2]).

%% The design's Registry (keys: unique, partitions: 1). OTP has none:
%% this server keeps unique keys for {via, ?MODULE, Key} names; an entry goes away
%% when its process dies.

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

register_name(Key, Pid) ->
    gen_server:call(?MODULE, {register, Key, Pid}).

unregister_name(Key) ->
    gen_server:call(?MODULE, {unregister, Key}).

whereis_name(Key) ->
    gen_server:call(?MODULE, {whereis, Key}).

send(Key, Message) ->
    case whereis_name(Key) of
        undefined -> exit({badarg, {Key, Message}});
        Pid -> Pid ! Message, Pid
    end.

init([]) ->
    {ok, #{}}.

handle_call({register, Key, Pid}, _From, Names) ->
    case maps:find(Key, Names) of
        {ok, Owner} when Owner =/= Pid ->
            case is_process_alive(Owner) of
                true -> {reply, no, Names};
                false -> add(Key, Pid, Names)
            end;
        _ -> add(Key, Pid, Names)
    end;
handle_call({unregister, Key}, _From, Names) ->
    {reply, ok, maps:remove(Key, Names)};
handle_call({whereis, Key}, _From, Names) ->
    {reply, maps:get(Key, Names, undefined), Names}.

handle_cast(_Request, Names) ->
    {noreply, Names}.

handle_info({'DOWN', _Ref, process, Pid, _Reason}, Names) ->
    {noreply, maps:filter(fun(_Key, Owner) -> Owner =/= Pid end, Names)};
handle_info(_Message, Names) ->
    {noreply, Names}.

add(Key, Pid, Names) ->
    erlang:monitor(process, Pid),
    {reply, yes, Names#{Key => Pid}}.
