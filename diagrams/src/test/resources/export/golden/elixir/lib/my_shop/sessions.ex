defmodule MyShop.Sessions do
  @moduledoc false

  use DynamicSupervisor

  def start_link(init_arg) do
    DynamicSupervisor.start_link(__MODULE__, init_arg, name: __MODULE__)
  end

  @doc "Starts one child from the design's template."
  def start_child do
    DynamicSupervisor.start_child(__MODULE__, %{
      id: :session,
      start: {MyShop.Session, :start_link, [:guest]},
      restart: :temporary,
      shutdown: 5000,
      type: :worker,
      significant: false,
      modules: [MyShop.Session]
    })
  end

  @impl true
  def init(_init_arg) do
    DynamicSupervisor.init(
      strategy: :one_for_one,
      max_restarts: 5,
      max_seconds: 30,
      max_children: 100,
      extra_arguments: [shop: 1]
    )
  end
end
