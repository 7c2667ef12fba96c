%% Minimal JSON decoder (RFC 8259 subset sufficient for scenario files).
%% Objects -> maps with binary keys, arrays -> lists, strings -> binaries,
%% numbers -> integer | float, true/false/null -> atoms.
-module(conf_mn_json).
-export([decode/1]).

decode(Bin) when is_binary(Bin) ->
    {Value, Rest} = value(ws(Bin)),
    case ws(Rest) of
        <<>> -> Value;
        Trailing -> error({json_trailing_garbage, first(Trailing)})
    end.

first(B) -> binary:part(B, 0, min(20, byte_size(B))).

ws(<<C, R/binary>>) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r -> ws(R);
ws(B) -> B.

value(<<${, R/binary>>) -> object(ws(R), #{});
value(<<$[, R/binary>>) -> array(ws(R), []);
value(<<$", R/binary>>) -> string(R, []);
value(<<"true", R/binary>>) -> {true, R};
value(<<"false", R/binary>>) -> {false, R};
value(<<"null", R/binary>>) -> {null, R};
value(<<C, _/binary>> = B) when C =:= $-; C >= $0, C =< $9 -> number(B);
value(B) -> error({json_unexpected, first(B)}).

object(<<$}, R/binary>>, Acc) -> {Acc, R};
object(<<$", R/binary>>, Acc) ->
    {Key, R1} = string(R, []),
    <<$:, R2/binary>> = ws(R1),
    {Val, R3} = value(ws(R2)),
    case ws(R3) of
        <<$,, R4/binary>> -> object(ws(R4), Acc#{Key => Val});
        <<$}, R4/binary>> -> {Acc#{Key => Val}, R4};
        B -> error({json_bad_object, first(B)})
    end;
object(B, _) -> error({json_bad_object, first(B)}).

array(<<$], R/binary>>, Acc) -> {lists:reverse(Acc), R};
array(B, Acc) ->
    {Val, R1} = value(B),
    case ws(R1) of
        <<$,, R2/binary>> -> array(ws(R2), [Val | Acc]);
        <<$], R2/binary>> -> {lists:reverse([Val | Acc]), R2};
        B2 -> error({json_bad_array, first(B2)})
    end.

string(<<$", R/binary>>, Acc) -> {unicode:characters_to_binary(lists:reverse(Acc)), R};
string(<<$\\, C, R/binary>>, Acc) ->
    case C of
        $" -> string(R, [$" | Acc]);
        $\\ -> string(R, [$\\ | Acc]);
        $/ -> string(R, [$/ | Acc]);
        $b -> string(R, [$\b | Acc]);
        $f -> string(R, [$\f | Acc]);
        $n -> string(R, [$\n | Acc]);
        $r -> string(R, [$\r | Acc]);
        $t -> string(R, [$\t | Acc]);
        $u -> <<H:4/binary, R1/binary>> = R,
              string(R1, [binary_to_integer(H, 16) | Acc])
    end;
string(<<C/utf8, R/binary>>, Acc) -> string(R, [C | Acc]).

number(B) ->
    {Int, R} = take(B, fun(C) -> C =:= $- orelse (C >= $0 andalso C =< $9) end),
    case R of
        <<C, _/binary>> when C =:= $.; C =:= $e; C =:= $E ->
            {Frac, R2} = take(R, fun(X) -> X =:= $. orelse X =:= $e orelse X =:= $E
                                           orelse X =:= $+ orelse X =:= $-
                                           orelse (X >= $0 andalso X =< $9) end),
            Txt = binary_to_list(<<Int/binary, Frac/binary>>),
            Txt2 = case lists:member($., Txt) of
                       true -> Txt;
                       false -> re:replace(Txt, "[eE]", ".0e", [{return, list}])
                   end,
            {list_to_float(Txt2), R2};
        _ -> {binary_to_integer(Int), R}
    end.

take(B, Pred) -> take(B, Pred, 0).
take(B, Pred, N) ->
    case B of
        <<_:N/binary, C, _/binary>> ->
            case Pred(C) of
                true -> take(B, Pred, N + 1);
                false -> split_binary(B, N)
            end;
        _ -> split_binary(B, N)
    end.
