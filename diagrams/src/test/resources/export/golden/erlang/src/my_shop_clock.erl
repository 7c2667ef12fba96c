-module(my_shop_clock).
-behaviour(gen_server).

-export([start_link/3,
         init/1, handle_call/3, handle_cast/2, handle_info/2]).

start_link(Arg1, Arg2, Arg3) ->
    gen_server:start_link({local, shop_clock}, ?MODULE, [Arg1, Arg2, Arg3], []).

init(Args) ->
    {ok, #{args => Args}}.

handle_call(_Request, _From, State) ->
    {reply, ok, State}.

handle_cast(_Request, State) ->
    {noreply, State}.

handle_info(_Message, State) ->
    {noreply, State}.
