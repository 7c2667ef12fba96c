defmodule MyShop.Session do
  @moduledoc false

  use GenServer

  def start_link(arg1, arg2) do
    GenServer.start_link(__MODULE__, [arg1, arg2])
  end

  @impl true
  def init(args) do
    {:ok, %{args: args}}
  end

  @impl true
  def handle_call(_request, _from, state) do
    {:reply, :ok, state}
  end

  @impl true
  def handle_cast(_request, state) do
    {:noreply, state}
  end

  @impl true
  def handle_info(_message, state) do
    {:noreply, state}
  end
end
