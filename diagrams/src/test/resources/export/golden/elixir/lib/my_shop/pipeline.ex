defmodule MyShop.Pipeline do
  @moduledoc false

  use Supervisor

  def start_link(init_arg) do
    Supervisor.start_link(__MODULE__, init_arg, name: __MODULE__)
  end

  @impl true
  def init(_init_arg) do
    children = [
      %{
        id: :producer,
        start: {MyShop.Producer, :start_link, []},
        restart: :permanent,
        shutdown: 5000,
        type: :worker,
        significant: false,
        modules: [MyShop.Producer]
      },
      %{
        id: :consumer,
        start: {MyShop.Consumer, :start_link, []},
        restart: :transient,
        shutdown: 5000,
        type: :worker,
        significant: false,
        modules: [MyShop.Consumer]
      },
      %{
        id: :sink,
        start: {MyShop.Sink, :start_link, []},
        restart: :temporary,
        shutdown: 5000,
        type: :worker,
        significant: false,
        modules: [MyShop.Sink]
      }
    ]

    Supervisor.init(children,
      strategy: :rest_for_one,
      max_restarts: 3,
      max_seconds: 10,
      auto_shutdown: :never
    )
  end
end
