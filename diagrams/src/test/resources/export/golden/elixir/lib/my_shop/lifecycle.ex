defmodule MyShop.Lifecycle do
  @moduledoc false

  use Supervisor

  def start_link(init_arg) do
    Supervisor.start_link(__MODULE__, init_arg, name: __MODULE__)
  end

  @impl true
  def init(_init_arg) do
    children = [
      %{
        id: :main,
        start: {MyShop.Main, :start_link, []},
        restart: :transient,
        shutdown: :brutal_kill,
        type: :worker,
        significant: true,
        modules: [MyShop.Main]
      },
      %{
        id: :helper,
        start: {MyShop.Helper, :start_link, []},
        restart: :permanent,
        shutdown: 5000,
        type: :worker,
        significant: false,
        modules: [MyShop.Helper]
      }
    ]

    # OTP's flags map: Supervisor.init/2 passes auto_shutdown on only from Elixir 1.15.
    flags = %{
      strategy: :one_for_all,
      intensity: 1,
      period: 5,
      auto_shutdown: :any_significant
    }

    {:ok, {flags, children}}
  end
end
