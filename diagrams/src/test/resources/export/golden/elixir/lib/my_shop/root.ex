defmodule MyShop.Root do
  @moduledoc false

  use Supervisor

  def start_link(init_arg) do
    Supervisor.start_link(__MODULE__, init_arg, name: __MODULE__)
  end

  @impl true
  def init(_init_arg) do
    children = [
      %{
        id: :registry,
        start: {Registry, :start_link, [[keys: :unique, name: MyShop.Registry, partitions: 1]]},
        restart: :permanent,
        shutdown: :infinity,
        type: :supervisor,
        significant: false,
        modules: [Registry]
      },
      %{
        id: :cache,
        start: {MyShop.Cache, :start_link, []},
        restart: :permanent,
        shutdown: 5000,
        type: :worker,
        significant: false,
        modules: [MyShop.Cache]
      },
      %{
        id: :clock,
        start: {MyShop.Clock, :start_link, [42, "tick", [1, 2.5, :x]]},
        restart: :permanent,
        shutdown: 10000,
        type: :worker,
        significant: false,
        modules: [MyShop.Clock]
      },
      %{
        id: :pipeline,
        start: {MyShop.Pipeline, :start_link, [[]]},
        restart: :permanent,
        shutdown: :infinity,
        type: :supervisor,
        significant: false,
        modules: [MyShop.Pipeline]
      },
      %{
        id: :sessions,
        start: {MyShop.Sessions, :start_link, [[]]},
        restart: :permanent,
        shutdown: :infinity,
        type: :supervisor,
        significant: false,
        modules: [MyShop.Sessions]
      },
      %{
        id: :jobs,
        start:
          {Task.Supervisor, :start_link,
           [[name: MyShop.Jobs, max_restarts: 2, max_seconds: 4, max_children: :infinity]]},
        restart: :permanent,
        shutdown: :infinity,
        type: :supervisor,
        significant: false,
        modules: [Task.Supervisor]
      },
      %{
        id: :lifecycle,
        start: {MyShop.Lifecycle, :start_link, [[]]},
        restart: :transient,
        shutdown: :infinity,
        type: :supervisor,
        significant: false,
        modules: [MyShop.Lifecycle]
      }
    ]

    Supervisor.init(children,
      strategy: :one_for_one,
      max_restarts: 3,
      max_seconds: 5,
      auto_shutdown: :never
    )
  end
end
